// Prepaid customers buy a pack of minutes when their balance runs low, and the purchase is recorded
// the same day or up to two working days later, so the balance dips and recovers over the year.
// The end of the year is then shaped so that a few customers end low or at or below zero.
import { type Random } from "@/lib/domain/random";

import {
  addMonths,
  addWorkingDays,
  dayOfInstant,
  localInstant,
  partsOfDay,
  workingDaysBetween,
} from "./calendar";
import {
  compareEntries,
  contractIndexOn,
  type CustomerPlan,
  type DemoPeriod,
  officeTimeOn,
  plannedEntry,
  type PlannedEntry,
  type SessionPlan,
  sumMinutes,
} from "./plan";
import { AVERAGE_SESSION_MINUTES, TOP_UP_PACKS } from "./registry";
import { chooseThreshold } from "./thresholds";

const MINUTE_MS = 60_000;

/**
 * Returns the customer's entries with top-ups added, in time order. Sets the low-balance threshold
 * and marks the sessions that started on exhausted credit.
 */
export function planPrepaidLedger(
  random: Random,
  customer: CustomerPlan,
  period: DemoPeriod,
  entries: readonly PlannedEntry[],
  sessions: readonly SessionPlan[],
): PlannedEntry[] {
  let planned = addTopUps(random, customer, period, entries);
  planned = shapeEnding(random, customer, planned);
  if (customer.profile.reversesTopUp) planned = reverseOneTopUp(random, planned);

  markExhaustedCredit(planned, sessions);
  const threshold = chooseThreshold(random, customer, planned);
  customer.lowBalanceThreshold = threshold?.value ?? null;
  customer.lowBalanceKind = threshold?.kind ?? "MINUTES";

  return planned;
}

function addTopUps(
  random: Random,
  customer: CustomerPlan,
  period: DemoPeriod,
  entries: readonly PlannedEntry[],
): PlannedEntry[] {
  const { profile } = customer;
  // Reorder at a quarter of a pack, or five days of usual consumption if that is more.
  const reorderPoint = Math.max(
    profile.pack / 4,
    profile.sessionsPerDay * AVERAGE_SESSION_MINUTES * 5,
  );
  const activityEnd = localInstant(profile.lastDay + 1, 0);
  const planned: PlannedEntry[] = [];
  let balance = 0;
  let pending: PlannedEntry | null = null;

  if (!profile.carriesBalance) {
    const firstWorkingDay = workingDaysBetween(profile.firstDay, profile.firstDay + 7)[0];
    pending = topUp(random, customer, localInstant(firstWorkingDay, 8 * 3600 + 15 * 60));
  }

  for (const entry of entries) {
    if (pending && pending.occurredAt <= entry.occurredAt) {
      planned.push(pending);
      balance += pending.minutes;
      pending = null;
    }

    planned.push(entry);
    balance += entry.minutes;
    if (!pending && balance < reorderPoint && entry.occurredAt < activityEnd) {
      pending = topUp(random, customer, deliveryAfter(random, entry.occurredAt, period));
    }
  }
  if (pending) planned.push(pending);

  return planned;
}

// The purchase is recorded the same day or up to two working days later, and never after the end
// of the period.
function deliveryAfter(random: Random, trigger: Date, period: DemoPeriod): Date {
  const lag = random.weightedPick([
    [0, 3],
    [1, 4],
    [2, 2],
  ]);
  const sameDay = new Date(trigger.getTime() + random.integer(20, 90) * MINUTE_MS);
  const deliveredAt =
    lag === 0 ? sameDay : officeTimeOn(random, addWorkingDays(dayOfInstant(trigger), lag));

  return deliveredAt < period.end ? deliveredAt : new Date(trigger.getTime() + 15 * MINUTE_MS);
}

function topUp(random: Random, customer: CustomerPlan, occurredAt: Date): PlannedEntry {
  const { profile, contracts } = customer;
  const day = dayOfInstant(occurredAt);
  const minutes = random.chance(0.15) ? otherPack(random, profile.pack) : profile.pack;

  return plannedEntry({
    kind: "TOP_UP",
    minutes,
    occurredAt,
    contractIndex: profile.linksTopUpsToContract ? contractIndexOn(contracts, day) : null,
    // Credit bought under these contracts expires twelve months after the purchase.
    expiresAt: profile.creditExpires ? localInstant(addMonths(day, 12), 0) : null,
    comment: random.chance(0.3)
      ? `Ordine cliente n. ${random.integer(100, 999)}/${partsOfDay(day).year}`
      : null,
    invoiced: true,
  });
}

// A pack next to the usual one in size: customers sometimes buy one size up or down.
function otherPack(random: Random, pack: number): number {
  const index = TOP_UP_PACKS.indexOf(pack as (typeof TOP_UP_PACKS)[number]);
  const neighbours = [TOP_UP_PACKS[index - 1], TOP_UP_PACKS[index + 1]].filter(
    (candidate): candidate is (typeof TOP_UP_PACKS)[number] => candidate !== undefined,
  );

  return random.pick(neighbours);
}

function shapeEnding(random: Random, customer: CustomerPlan, entries: PlannedEntry[]) {
  let planned = entries;
  let balance = sumMinutes(planned);

  if (customer.profile.ending === "EXHAUSTED") {
    // The customer stopped buying and the operators kept working. Drop the latest top-ups until the
    // balance is at or below zero, so it ends above minus the size of the last pack dropped.
    for (let last = lastTopUp(planned); last && balance > 0; last = lastTopUp(planned)) {
      planned = planned.filter((entry) => entry !== last);
      balance -= last.minutes;
    }

    return planned;
  }

  // Any other customer still at or below zero buys packs right after its last entry.
  let at = planned[planned.length - 1].occurredAt.getTime();
  while (balance <= 0) {
    at += 10 * MINUTE_MS;
    const purchase = topUp(random, customer, new Date(at));
    planned = [...planned, purchase];
    balance += purchase.minutes;
  }

  if (customer.profile.ending === "LOW") {
    // Drop the latest top-ups while the balance stays positive, so it ends below the last pack.
    for (
      let last = lastTopUp(planned);
      last && balance - last.minutes > 0;
      last = lastTopUp(planned)
    ) {
      planned = planned.filter((entry) => entry !== last);
      balance -= last.minutes;
    }
  }

  return planned;
}

function lastTopUp(entries: readonly PlannedEntry[]): PlannedEntry | undefined {
  return entries.findLast((entry) => entry.kind === "TOP_UP" && entry.reverses === null);
}

/**
 * Replaces a top-up in the middle of the year with a mistake and its correction: a pack of the
 * wrong size, its reversal twelve minutes later, and the right pack three minutes after that.
 */
function reverseOneTopUp(random: Random, entries: PlannedEntry[]): PlannedEntry[] {
  const topUps = entries.filter((entry) => entry.kind === "TOP_UP");
  if (topUps.length < 3) return entries;

  const corrected = topUps[random.integer(1, topUps.length - 2)];
  const mistake = plannedEntry({
    ...corrected,
    minutes: otherPack(random, corrected.minutes),
    comment: null,
    invoiced: false,
  });
  const reversal = plannedEntry({
    kind: "TOP_UP",
    minutes: -mistake.minutes,
    occurredAt: new Date(mistake.occurredAt.getTime() + 12 * MINUTE_MS),
    contractIndex: mistake.contractIndex,
    comment:
      `Storno: ricarica registrata da ${mistake.minutes} minuti ` +
      `invece di ${corrected.minutes}`,
    reverses: mistake,
  });
  corrected.occurredAt = new Date(mistake.occurredAt.getTime() + 15 * MINUTE_MS);

  return [...entries, mistake, reversal].sort(compareEntries);
}

// The operator continued these sessions although the customer's credit was used up.
function markExhaustedCredit(entries: readonly PlannedEntry[], sessions: readonly SessionPlan[]) {
  const sessionsByCode = new Map(sessions.map((session) => [session.code, session]));
  let balance = 0;

  for (const entry of entries) {
    if (entry.kind === "SESSION" && !entry.reverses && balance <= 0) {
      const session = sessionsByCode.get(entry.sessionCode ?? "");
      if (session) session.exhaustedCredit = "CONTINUE";
    }
    balance += entry.minutes;
  }
}
