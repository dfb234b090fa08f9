// Remote-assistance sessions of the demo: closed sessions of each customer on working days in
// office hours, a few sessions still waiting for a customer, and sessions still running.
import { type Random } from "@/lib/domain/random";

import { demoAccount } from "./accounts";
import { type Day, localInstant, partsOfDay, weekdayOf, workingDaysBetween } from "./calendar";
import { type CustomerPlan, type DemoPeriod, officeTimeOn, type SessionPlan } from "./plan";
import { inventRemoteId } from "./registry";
import { OTHER_OPERATORS, SESSION_NOTES } from "./word-lists";

const DEMO_OPERATOR_NAME = demoAccount("OPERATOR").name;

/**
 * Returns the minutes billed for a session of `seconds`: every started minute, at least one.
 * Demo data applies this one rule; the configurable billing rules are not used here.
 */
export function billedMinutesFor(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/** Issues session codes like "s123456789", unique across the demo data. */
export class SessionCodes {
  private readonly issued = new Set<string>();

  next(random: Random): string {
    let code = `s${random.integer(100_000_000, 999_999_999)}`;
    while (this.issued.has(code)) code = `s${random.integer(100_000_000, 999_999_999)}`;
    this.issued.add(code);

    return code;
  }
}

/** Plans the closed sessions of `customer`, in order of start. */
export function planCustomerSessions(
  random: Random,
  customer: CustomerPlan,
  period: DemoPeriod,
  codes: SessionCodes,
): SessionPlan[] {
  const { profile } = customer;
  const lastDay = Math.min(profile.lastDay, period.lastWorkingDay);
  const sessions: SessionPlan[] = [];

  for (const day of workingDaysBetween(profile.firstDay, lastDay)) {
    const expected = profile.sessionsPerDay * activityFactor(day, period);
    const count = Math.floor(expected) + (random.chance(expected % 1) ? 1 : 0);
    const daySessions: SessionPlan[] = [];

    for (let index = 0; index < count; index += 1) {
      const remoteDeviceId = customer.devices.length
        ? random.pick(customer.devices).remoteId
        : null;
      daySessions.push(closedSession(random, codes, customer.code, day, remoteDeviceId));
    }

    daySessions.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    sessions.push(...daySessions);
  }

  return sessions;
}

/** Plans sessions from the last two weeks that arrived without a customer. */
export function planUnassignedSessions(
  random: Random,
  period: DemoPeriod,
  codes: SessionCodes,
): SessionPlan[] {
  const days = workingDaysBetween(period.anchor - 14, period.lastWorkingDay);
  const sessions = Array.from({ length: 5 }, () => {
    const session = closedSession(
      random,
      codes,
      null,
      random.pick(days),
      inventRemoteId(random, "TEAMVIEWER"),
    );

    return { ...session, source: "API" as const, notes: null };
  });

  return sessions.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
}

/**
 * Plans sessions of the demo operator that are still running, started late on the last working
 * day before the anchor, so the operator's screens show live sessions.
 */
export function planRunningSessions(
  random: Random,
  customers: readonly CustomerPlan[],
  period: DemoPeriod,
  codes: SessionCodes,
): SessionPlan[] {
  return customers.map((customer, index) => ({
    code: codes.next(random),
    customerCode: customer.code,
    status: "RUNNING",
    source: "API",
    startedAt: localInstant(period.lastWorkingDay, 62_400 + index * 1_500 + random.integer(0, 600)),
    endedAt: null,
    seconds: null,
    billedMinutes: null,
    operatorName: DEMO_OPERATOR_NAME,
    byDemoOperator: true,
    remoteDeviceId: customer.devices[0]?.remoteId ?? null,
    notes: null,
    exhaustedCredit: null,
  }));
}

function closedSession(
  random: Random,
  codes: SessionCodes,
  customerCode: string | null,
  day: Day,
  remoteDeviceId: string | null,
): SessionPlan {
  const startedAt = officeTimeOn(random, day);
  const seconds = sessionSeconds(random);
  const operatorName = random.weightedPick([
    [DEMO_OPERATOR_NAME, 40],
    ...OTHER_OPERATORS.map((name) => [name, 20] as const),
  ]);

  return {
    code: codes.next(random),
    customerCode,
    status: "CLOSED",
    source: random.weightedPick([
      ["API", 60],
      ["MANUAL", 25],
      ["IMPORT", 15],
    ] as const),
    startedAt,
    endedAt: new Date(startedAt.getTime() + seconds * 1000),
    seconds,
    billedMinutes: billedMinutesFor(seconds),
    operatorName,
    byDemoOperator: operatorName === DEMO_OPERATOR_NAME,
    remoteDeviceId,
    notes: random.chance(0.25) ? random.pick(SESSION_NOTES) : null,
    exhaustedCredit: null,
  };
}

// Log-normal durations: median 12 minutes, a long tail, between 40 seconds and 2 hours. The mean
// is about 16 minutes, or 17 billed minutes after rounding up.
function sessionSeconds(random: Random): number {
  const seconds = Math.round(Math.exp(Math.log(720) + 0.8 * random.normal()));

  return Math.min(7_200, Math.max(40, seconds));
}

// Fewer sessions in August and over Christmas, more on Mondays, and demand growing by about a
// fifth over the year, so the charts have shape.
function activityFactor(day: Day, period: DemoPeriod): number {
  const { month, day: dayOfMonth } = partsOfDay(day);
  const growth = 0.9 + (0.2 * (day - period.firstDay)) / (period.anchor - period.firstDay);
  const weekday = weekdayOf(day);
  let factor = growth;

  if (weekday === 1) factor *= 1.25;
  if (weekday === 5) factor *= 0.85;
  if (month === 8) factor *= 0.35;
  if ((month === 12 && dayOfMonth >= 23) || (month === 1 && dayOfMonth <= 6)) factor *= 0.5;

  return factor;
}
