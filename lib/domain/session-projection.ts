// Projection of a running session for the operator console. It contains the time so far, the
// minutes the session would cost if it ended now, and the customer's credit left after that.
import { billSession } from "./bill-session";
import type { BillingRules } from "./billing-rules";
import { MAX_SESSION_SECONDS } from "./session-time";

export interface SessionProjectionInput {
  startedAt: Date;
  // Set once the session is closed; the stored seconds and minutes are then used as they are.
  endedAt: Date | null;
  seconds: number | null;
  billedMinutes: number | null;
  connectionType: string | null;
  // False when an operator marked the session as not billable.
  billable: boolean;
  rules: BillingRules;
  // The customer's balance before this session drew anything.
  residualBeforeMinutes: number;
  billingMode: "PREPAID" | "POSTPAID";
  now: Date;
}

export interface SessionProjection {
  elapsedSeconds: number;
  projectedMinutes: number;
  projectedResidualMinutes: number;
  // True when a prepaid customer's credit is used up by this session. A postpaid customer is
  // invoiced afterwards, so the flag is always false for them.
  exhausted: boolean;
}

/**
 * Projects a session to `now`. A running session is billed as if it ended now, by the same rules
 * as at its end, so the console and the ledger agree.
 *
 * Limitation: reconnection merging is not projected, because the group is only known at the end.
 * A reconnection merged into an earlier session usually costs less than projected here, since
 * the rounding and the minimum are paid once, but it can cost a minute more when the earlier
 * session alone was too short to bill.
 */
export function projectSession(input: SessionProjectionInput): SessionProjection {
  const closed = input.endedAt !== null;
  const elapsedSeconds = closed
    ? (input.seconds ?? 0)
    : runningSeconds(input.startedAt, input.now);

  let projectedMinutes = 0;
  if (closed) {
    projectedMinutes = input.billable ? (input.billedMinutes ?? 0) : 0;
  } else if (input.billable) {
    projectedMinutes = billSession(elapsedSeconds, input.connectionType, input.rules).billedMinutes;
  }

  const projectedResidualMinutes = input.residualBeforeMinutes - projectedMinutes;

  return {
    elapsedSeconds,
    projectedMinutes,
    projectedResidualMinutes,
    exhausted: input.billingMode === "PREPAID" && projectedResidualMinutes <= 0,
  };
}

// A session cannot be closed after MAX_SESSION_SECONDS, so a running session left open longer
// (a wrong start date) is projected at that maximum rather than at years of minutes.
function runningSeconds(startedAt: Date, now: Date): number {
  const elapsed = Math.floor((now.getTime() - startedAt.getTime()) / 1000);

  return Math.min(MAX_SESSION_SECONDS, Math.max(0, elapsed));
}
