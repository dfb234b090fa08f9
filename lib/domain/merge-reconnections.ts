// Merging of reconnections: a connection that drops and is reopened shortly after is one piece of
// assistance, so the customer pays the rounding and the minimum charge once for the whole group.
import type { BillingRules } from "./billing-rules";
import {
  type BillingResult,
  billSeconds,
  billSession,
  isBillableConnectionType,
  sessionSeconds,
} from "./bill-session";

export interface SessionToBill {
  // Unique session code. A merged session's explanation points at its group's first session by it.
  code: string;
  startedAt: Date;
  endedAt: Date;
  connectionType: string | null;
  // Device and operator of the session, which tell a reconnection from another session running at
  // the same time (see reconnectionKey).
  remoteDeviceId?: string | null;
  operatorId?: string | null;
  operatorName?: string | null;
}

export interface BilledSession extends BillingResult {
  code: string;
  // Real elapsed seconds of this session alone.
  seconds: number;
}

interface Interval {
  index: number;
  code: string;
  key: string;
  start: number;
  end: number;
  seconds: number;
}

/**
 * Bills the closed sessions of ONE customer, merging reconnections, and returns one result per
 * input session in input order. The input may be in any order.
 *
 * - Only sessions of a billable connection type take part. The others get NOT_BILLABLE_TYPE and
 *   neither join nor bridge a group.
 * - With `mergeGapMinutes` 0 nothing is merged, not even sessions that overlap.
 * - Only sessions with the same reconnection key (the same remote device, else the same
 *   operator) are reconnections of each other. Two operators helping one customer at once, or
 *   one operator on two devices, are two pieces of work, billed apart.
 * - Sorted by start, a session joins the current group of its key when the gap between the
 *   latest end in the group and its start is at most `mergeGapMinutes` (a gap of exactly N
 *   minutes merges). An overlapping session (a start before the latest end) joins too, and the
 *   time covered twice is billed once.
 * - A group is billed once on its connected time: the length of the union of its sessions, which
 *   is the sum of their real seconds when none overlap. The pauses between reconnections are not
 *   billed, because no assistance took place in them. The ignore threshold, rounding and minimum
 *   apply to that total.
 * - The group's first session (earliest start, then earliest end, then code) carries the
 *   group's minutes and lists the others in `mergedCodes`. Each other session gets 0 minutes and
 *   the rule MERGED pointing at the first one.
 *
 * Throws the VALIDATION AppErrors of `sessionSeconds` for a session with an invalid time or an
 * end before its start, with the session's code in the values.
 */
export function mergeReconnections(
  sessions: readonly SessionToBill[],
  rules: BillingRules,
): BilledSession[] {
  const results: BilledSession[] = new Array(sessions.length);
  const intervals: Interval[] = [];

  sessions.forEach((session, index) => {
    const seconds = sessionSeconds(session.startedAt, session.endedAt, session.code);

    if (isBillableConnectionType(session.connectionType, rules)) {
      intervals.push({
        index,
        code: session.code,
        key: reconnectionKey(session),
        start: session.startedAt.getTime(),
        end: session.endedAt.getTime(),
        seconds,
      });
    } else {
      results[index] = {
        code: session.code,
        seconds,
        ...billSession(seconds, session.connectionType, rules),
      };
    }
  });

  for (const group of groupIntervals(intervals, rules.mergeGapMinutes)) {
    billGroup(group, rules, results);
  }

  return results;
}

/**
 * Returns the key that reconnections of one piece of work share: the remote device ID when the
 * session has one, else the operator. Sessions that name neither share the empty key, as a
 * customer's sessions entered by hand usually come from one operator.
 */
export function reconnectionKey(session: SessionToBill): string {
  const device = session.remoteDeviceId?.trim();
  if (device) return `device:${device.toLowerCase()}`;

  const operator = session.operatorId ?? session.operatorName?.trim().toLowerCase();

  return operator ? `operator:${operator}` : "";
}

function groupIntervals(intervals: Interval[], mergeGapMinutes: number): Interval[][] {
  if (mergeGapMinutes === 0) return intervals.map((interval) => [interval]);

  const byKey = new Map<string, Interval[]>();
  for (const interval of intervals) {
    const sameKey = byKey.get(interval.key);
    if (sameKey) sameKey.push(interval);
    else byKey.set(interval.key, [interval]);
  }

  return [...byKey.values()].flatMap((sameKey) => groupInTime(sameKey, mergeGapMinutes));
}

function groupInTime(intervals: Interval[], mergeGapMinutes: number): Interval[][] {
  const sorted = [...intervals].sort(compareIntervals);
  const maxGapMs = mergeGapMinutes * 60_000;
  const groups: Interval[][] = [];
  let current: Interval[] = [];
  let currentEnd = Number.NEGATIVE_INFINITY;

  for (const interval of sorted) {
    const gapMs = interval.start - currentEnd;
    if (current.length > 0 && gapMs <= maxGapMs) {
      current.push(interval);
    } else {
      current = [interval];
      groups.push(current);
    }
    currentEnd = Math.max(currentEnd, interval.end);
  }

  return groups;
}

// Orders by start, then end, then code, so the same sessions always give the same groups and the
// same first session whatever the input order or the server's locale.
function compareIntervals(a: Interval, b: Interval): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.end !== b.end) return a.end - b.end;
  if (a.code === b.code) return 0;

  return a.code < b.code ? -1 : 1;
}

function billGroup(group: Interval[], rules: BillingRules, results: BilledSession[]): void {
  const [first, ...others] = group;
  const groupSeconds = Math.floor(unionMs(group) / 1000);
  const head = billSeconds(
    groupSeconds,
    rules,
    others.map((interval) => interval.code),
  );

  results[first.index] = { code: first.code, seconds: first.seconds, ...head };

  for (const interval of others) {
    results[interval.index] = {
      code: interval.code,
      seconds: interval.seconds,
      billedMinutes: 0,
      billable: head.billable,
      rule: { kind: "MERGED", into: first.code },
    };
  }
}

// Length of the union of intervals sorted by start: time covered twice counts once.
function unionMs(sorted: Interval[]): number {
  let total = 0;
  let coveredUntil = Number.NEGATIVE_INFINITY;

  for (const { start, end } of sorted) {
    if (end <= coveredUntil) continue;

    total += end - Math.max(start, coveredUntil);
    coveredUntil = end;
  }

  return total;
}
