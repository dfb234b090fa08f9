// Billing of one session: real seconds in, billed minutes out, with the rule that decided them.
// The explanation is stored with the session (Session.billingRule) so the interface can show why a
// session was billed as it was, for example "minimum charge of 15 minutes applied".
import { AppError } from "@/lib/errors";

import type { BillingRules } from "./billing-rules";

/** Reason for a session's billed minutes, as plain JSON. */
export type BillingExplanation =
  | { kind: "NOT_BILLABLE_TYPE"; connectionType: string; realSeconds: number }
  | { kind: "TOO_SHORT"; thresholdSeconds: number; realSeconds: number; mergedCodes?: string[] }
  | { kind: "ROUNDED"; incrementMinutes: number; realSeconds: number; mergedCodes?: string[] }
  | {
      kind: "MINIMUM";
      minimumMinutes: number;
      roundedMinutes: number;
      realSeconds: number;
      mergedCodes?: string[];
    }
  // The session's time is billed with the group led by session `into`.
  | { kind: "MERGED"; into: string };

export type BillingRuleKind = BillingExplanation["kind"];

export interface BillingResult {
  billedMinutes: number;
  // False when the session does not count towards billing: its type is not billable, or it is too
  // short. A MERGED session takes its group's value, since its time is billed in the group.
  billable: boolean;
  rule: BillingExplanation;
}

/**
 * Returns the real elapsed whole seconds between two instants, dropping any fraction of a second.
 *
 * It measures instants, not wall-clock times, so a session across midnight or a daylight-saving
 * change is billed on the time that really passed. Throws a VALIDATION AppError with the key
 * `session.invalidTime` for an invalid instant, or `session.endBeforeStart` for an end before the
 * start. The optional `code` goes into the error's values so the caller can name the session.
 */
export function sessionSeconds(startedAt: Date, endedAt: Date, code?: string): number {
  const values = code === undefined ? undefined : { code };
  const start = startedAt.getTime();
  const end = endedAt.getTime();

  if (!Number.isFinite(start) || !Number.isFinite(end)) {
    const field = Number.isFinite(start) ? "endedAt" : "startedAt";
    throw new AppError("VALIDATION", "session.invalidTime", {
      values,
      fields: [{ field, message: "session.invalidTime" }],
    });
  }
  if (end < start) {
    throw new AppError("VALIDATION", "session.endBeforeStart", {
      values,
      fields: [{ field: "endedAt", message: "session.endBeforeStart" }],
    });
  }

  return Math.floor((end - start) / 1000);
}

/** Throws a VALIDATION AppError (`session.invalidDuration`) unless `seconds` is a whole number ≥ 0. */
export function assertValidSeconds(seconds: number): void {
  if (Number.isInteger(seconds) && seconds >= 0) return;

  throw new AppError("VALIDATION", "session.invalidDuration", {
    values: { seconds: String(seconds) },
    fields: [{ field: "seconds", message: "session.invalidDuration" }],
  });
}

/**
 * Returns whether sessions of `connectionType` are billed. A session without a type (entered by
 * hand, or sent by an API client that has none) is billed, because only remote-control tools
 * report types at all.
 */
export function isBillableConnectionType(
  connectionType: string | null | undefined,
  rules: BillingRules,
): boolean {
  if (connectionType === null || connectionType === undefined) return true;

  const type = connectionType.trim().toLowerCase();

  return rules.billableConnectionTypes.some((billable) => billable.toLowerCase() === type);
}

/**
 * Bills one session of `seconds` real seconds. The connection type is checked first, then the
 * ignore threshold, then the rounding and the minimum charge.
 *
 * Partial minutes count as whole ones. With increment 1, 61 s is 2 minutes. With increment 15,
 * 900 s is 15 minutes and 901 s is 30. A session of 0 s is never billed, whatever the threshold,
 * because no assistance took place. Throws `session.invalidDuration` for negative or fractional
 * seconds.
 */
export function billSession(
  seconds: number,
  connectionType: string | null | undefined,
  rules: BillingRules,
): BillingResult {
  assertValidSeconds(seconds);

  if (!isBillableConnectionType(connectionType, rules)) {
    return {
      billedMinutes: 0,
      billable: false,
      rule: {
        kind: "NOT_BILLABLE_TYPE",
        connectionType: connectionType ?? "",
        realSeconds: seconds,
      },
    };
  }

  return billSeconds(seconds, rules);
}

/**
 * Bills `seconds` of billable connected time, and lists `mergedCodes` (the sessions merged into
 * it) in the explanation. The caller has already checked the connection type and the seconds.
 */
export function billSeconds(
  seconds: number,
  rules: BillingRules,
  mergedCodes?: string[],
): BillingResult {
  const merged = mergedCodes && mergedCodes.length > 0 ? { mergedCodes } : {};
  const thresholdSeconds = rules.ignoreShorterThanSeconds;

  if (seconds === 0 || seconds < thresholdSeconds) {
    return {
      billedMinutes: 0,
      billable: false,
      rule: { kind: "TOO_SHORT", thresholdSeconds, realSeconds: seconds, ...merged },
    };
  }

  const incrementMinutes = rules.roundingIncrementMinutes;
  const roundedMinutes = Math.ceil(seconds / (incrementMinutes * 60)) * incrementMinutes;
  const minimumMinutes = rules.minimumBilledMinutes;

  if (roundedMinutes < minimumMinutes) {
    return {
      billedMinutes: minimumMinutes,
      billable: true,
      rule: { kind: "MINIMUM", minimumMinutes, roundedMinutes, realSeconds: seconds, ...merged },
    };
  }

  return {
    billedMinutes: roundedMinutes,
    billable: true,
    rule: { kind: "ROUNDED", incrementMinutes, realSeconds: seconds, ...merged },
  };
}
