// Plans one customer's ledger for the demo period: consumption from sessions, manual adjustments
// and corrections, then top-ups (prepaid) or monthly billings (postpaid) that follow the balance.
import { type Random } from "@/lib/domain/random";

import { addWorkingDays, dayOfInstant, localInstant, workingDaysBetween } from "./calendar";
import {
  compareEntries,
  type CustomerPlan,
  type DemoPeriod,
  officeTimeOn,
  plannedEntry,
  type PlannedEntry,
  type SessionPlan,
} from "./plan";
import { planPostpaidBillings } from "./postpaid";
import { planPrepaidLedger } from "./prepaid";
import { NEGATIVE_ADJUSTMENTS, POSITIVE_ADJUSTMENTS } from "./word-lists";

/**
 * Returns the customer's entries in time order. For prepaid customers it also sets the low-balance
 * threshold and marks the sessions that ran on exhausted credit.
 */
export function planCustomerLedger(
  random: Random,
  customer: CustomerPlan,
  sessions: readonly SessionPlan[],
  period: DemoPeriod,
): PlannedEntry[] {
  const entries = [
    ...openingEntries(customer, period),
    ...sessionEntries(random, customer, sessions),
    ...adjustmentEntries(random, customer),
  ].sort(compareEntries);

  if (customer.billingMode === "POSTPAID") {
    return [...entries, ...planPostpaidBillings(random, customer, period, entries)].sort(
      compareEntries,
    );
  }

  return planPrepaidLedger(random, customer, period, entries, sessions);
}

// Customers served before the period start carry their residual minutes into the new system.
function openingEntries(customer: CustomerPlan, period: DemoPeriod): PlannedEntry[] {
  if (customer.billingMode !== "PREPAID" || !customer.profile.carriesBalance) return [];

  const day = workingDaysBetween(period.firstDay, period.firstDay + 7)[0];
  const minutes = Math.max(10, Math.round((customer.profile.pack * 0.8) / 10) * 10);

  return [
    plannedEntry({
      kind: "ADJUSTMENT",
      minutes,
      occurredAt: localInstant(day, 8 * 3600),
      comment: "Saldo residuo riportato dal gestionale precedente",
    }),
  ];
}

function sessionEntries(
  random: Random,
  customer: CustomerPlan,
  sessions: readonly SessionPlan[],
): PlannedEntry[] {
  const entries = sessions.map((session) =>
    plannedEntry({
      kind: "SESSION",
      minutes: -(session.billedMinutes ?? 0),
      occurredAt: session.endedAt ?? session.startedAt,
      sessionCode: session.code,
    }),
  );
  if (!customer.profile.reversesSession || entries.length < 3) return entries;

  // An internal test connection billed by mistake, reversed the next working day.
  const reversed = entries[Math.floor(entries.length / 2)];
  const day = addWorkingDays(dayOfInstant(reversed.occurredAt), 1);
  const reversal = plannedEntry({
    kind: "SESSION",
    minutes: -reversed.minutes,
    occurredAt: localInstant(day, 9 * 3600 + random.integer(0, 3600)),
    sessionCode: reversed.sessionCode,
    comment: "Storno: collegamento di prova interno, non addebitabile al cliente",
    reverses: reversed,
  });

  return [...entries, reversal];
}

function adjustmentEntries(random: Random, customer: CustomerPlan): PlannedEntry[] {
  const count = random.weightedPick([
    [0, 60],
    [1, 30],
    [2, 10],
  ]);
  const days = workingDaysBetween(customer.profile.firstDay + 7, customer.profile.lastDay);
  if (days.length === 0) return [];

  return Array.from({ length: count }, () => {
    const positive = random.chance(0.5);

    return plannedEntry({
      kind: "ADJUSTMENT",
      minutes: positive
        ? random.pick([15, 30, 45, 60, 90, 120])
        : -random.pick([30, 45, 60, 90, 120]),
      occurredAt: officeTimeOn(random, random.pick(days)),
      comment: random.pick(positive ? POSITIVE_ADJUSTMENTS : NEGATIVE_ADJUSTMENTS),
    });
  });
}
