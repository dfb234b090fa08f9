// Expiring credit in the demo. One prepaid customer receives free minutes valid for thirty days.
// The part it did not use in time leaves the balance through the same expiry entry that the app
// records, so the customer's ledger shows an expired top-up.
import { dueExpiries, type ExpiryLedgerEntry } from "@/lib/domain/credit-expiry";
import { expiryComment } from "@/lib/domain/credit-expiry-comment";

import { localInstant } from "./calendar";
import {
  compareEntries,
  type CustomerPlan,
  type DemoPeriod,
  plannedEntry,
  type PlannedEntry,
} from "./plan";

const BONUS_MINUTES = 120;
const BONUS_DAYS_BEFORE_ANCHOR = 120;
const VALID_DAYS = 30;
// A bonus almost used up before it expires would show a tiny expiry, so such customers are skipped.
const MIN_EXPIRED_MINUTES = 30;

/**
 * Adds the bonus top-up and its expiry to the first prepaid customer in good standing that would
 * leave at least MIN_EXPIRED_MINUTES of it unused, and returns the updated ledgers.
 */
export function addExpiredBonus(
  customers: { customer: CustomerPlan; entries: PlannedEntry[] }[],
  period: DemoPeriod,
): { customer: CustomerPlan; entries: PlannedEntry[] }[] {
  const bonus = plannedEntry({
    kind: "TOP_UP",
    minutes: BONUS_MINUTES,
    occurredAt: localInstant(period.anchor - BONUS_DAYS_BEFORE_ANCHOR, 9 * 3600),
    expiresAt: localInstant(period.anchor - BONUS_DAYS_BEFORE_ANCHOR + VALID_DAYS + 1, 0),
    comment: `Minuti omaggio, validi ${VALID_DAYS} giorni`,
  });

  let done = false;

  return customers.map((planned) => {
    if (done || !isCandidate(planned.customer)) return planned;

    const entries = [...planned.entries, bonus].sort(compareEntries);
    if (lastTopUp(entries) === bonus) return planned;
    const expired = expiredMinutes(entries, bonus, period);
    if (expired < MIN_EXPIRED_MINUTES) return planned;

    done = true;
    const expiry = plannedEntry({
      kind: "ADJUSTMENT",
      minutes: -expired,
      occurredAt: bonus.expiresAt!,
      comment: expiryComment({
        minutes: expired,
        topUpOccurredAt: bonus.occurredAt,
        topUpMinutes: bonus.minutes,
        expiresAt: bonus.expiresAt!,
      }),
      expires: bonus,
    });

    return { ...planned, entries: [...entries, expiry].sort(compareEntries) };
  });
}

// Percentage thresholds follow the last top-up, so the bonus goes to a customer without one, and a
// customer without other expiring credit keeps the computed expiry equal to the app's.
function isCandidate(customer: CustomerPlan): boolean {
  return (
    customer.billingMode === "PREPAID" &&
    customer.active &&
    customer.profile.ending === "NORMAL" &&
    customer.lowBalanceKind === "MINUTES" &&
    !customer.profile.creditExpires
  );
}

function lastTopUp(entries: readonly PlannedEntry[]): PlannedEntry | undefined {
  return entries.findLast((entry) => entry.kind === "TOP_UP" && entry.minutes > 0);
}

function expiredMinutes(entries: PlannedEntry[], bonus: PlannedEntry, period: DemoPeriod): number {
  const ids = new Map(entries.map((entry, index) => [entry, String(index)]));
  const ledger: ExpiryLedgerEntry[] = entries.map((entry, index) => ({
    id: String(index),
    kind: entry.kind,
    minutes: entry.minutes,
    occurredAt: entry.occurredAt,
    sequence: index,
    expiresAt: entry.expiresAt,
    reversesId: entry.reverses ? (ids.get(entry.reverses) ?? null) : null,
    expiredTopUpId: null,
  }));
  const due = dueExpiries(ledger, period.end).find((expiry) => expiry.topUpId === ids.get(bonus));

  return due?.minutes ?? 0;
}
