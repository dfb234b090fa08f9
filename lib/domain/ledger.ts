// Ledger arithmetic: which changes of minutes are valid, and the running balance they produce.
// Pure functions; lib/db/ledger.ts applies them inside a database transaction.
import { AppError } from "@/lib/errors";
import { formatInteger } from "@/lib/i18n/format";

export const LEDGER_KINDS = ["TOP_UP", "POSTPAID_BILLING", "ADJUSTMENT", "SESSION"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

// Kinds an administrator records by hand; SESSION entries come from closed sessions.
export const MANUAL_LEDGER_KINDS = ["TOP_UP", "POSTPAID_BILLING", "ADJUSTMENT"] as const;
export type ManualLedgerKind = (typeof MANUAL_LEDGER_KINDS)[number];

// Largest change one entry may carry: about 11.5 days of continuous assistance, far above any
// real top-up, and well inside PostgreSQL's 32-bit integer for the running balance.
export const MAX_ENTRY_MINUTES = 1_000_000;

const requiredSign: Record<LedgerKind, "positive" | "negative" | "any"> = {
  TOP_UP: "positive",
  POSTPAID_BILLING: "positive",
  ADJUSTMENT: "any",
  SESSION: "negative",
};

export interface LedgerChange {
  kind: LedgerKind;
  minutes: number;
  // A reversal carries the opposite sign of the entry it corrects, so the sign rule is skipped.
  reversal?: boolean;
}

/** Throws a VALIDATION AppError when `change` is not a valid ledger entry. */
export function assertValidChange(change: LedgerChange): void {
  const { kind, minutes } = change;

  if (!Number.isInteger(minutes)) {
    throw new AppError("VALIDATION", "ledger.minutesNotInteger", {
      fields: [minutesIssue("ledger.minutesNotInteger")],
    });
  }
  if (minutes === 0) {
    throw new AppError("VALIDATION", "ledger.minutesZero", {
      fields: [minutesIssue("ledger.minutesZero")],
    });
  }
  if (Math.abs(minutes) > MAX_ENTRY_MINUTES) {
    const values = { max: formatInteger(MAX_ENTRY_MINUTES) };
    throw new AppError("VALIDATION", "ledger.minutesTooLarge", {
      values,
      fields: [minutesIssue("ledger.minutesTooLarge", values)],
    });
  }
  if (change.reversal) return;

  const sign = requiredSign[kind];
  if (sign === "positive" && minutes < 0) {
    throw new AppError("VALIDATION", "ledger.minutesMustBePositive", {
      values: { kind },
      fields: [minutesIssue("ledger.minutesMustBePositive", { kind })],
    });
  }
  if (sign === "negative" && minutes > 0) {
    throw new AppError("VALIDATION", "ledger.minutesMustBeNegative", {
      values: { kind },
      fields: [minutesIssue("ledger.minutesMustBeNegative", { kind })],
    });
  }
}

function minutesIssue(message: string, values?: Record<string, string | number>) {
  return { field: "minutes", message, values };
}

/**
 * Returns the balance after each change, starting from `opening`.
 * The last element is the new balance; an empty list returns an empty array.
 */
export function runningBalances(opening: number, minutes: readonly number[]): number[] {
  const balances: number[] = [];
  let balance = opening;

  for (const change of minutes) {
    balance += change;
    balances.push(balance);
  }

  return balances;
}

/** Returns the sum of the changes, which is what the customer's balance must move by. */
export function totalChange(minutes: readonly number[]): number {
  return minutes.reduce((sum, change) => sum + change, 0);
}

export type BalanceStatus = "EXHAUSTED" | "LOW" | "OK";

export interface BalanceState {
  balanceMinutes: number;
  billingMode: "PREPAID" | "POSTPAID";
  lowBalanceThreshold: number | null;
  lowBalanceKind: "MINUTES" | "PERCENT_OF_LAST_TOP_UP";
  // Minutes of the most recent TOP_UP, used by percentage thresholds.
  lastTopUpMinutes: number | null;
}

/**
 * Classifies a balance for the operator. Postpaid customers are billed afterwards, so their
 * balance is never exhausted or low.
 */
export function balanceStatus(state: BalanceState): BalanceStatus {
  if (state.billingMode === "POSTPAID") return "OK";
  if (state.balanceMinutes <= 0) return "EXHAUSTED";

  const threshold = lowBalanceMinutes(state);
  if (threshold !== null && state.balanceMinutes < threshold) return "LOW";

  return "OK";
}

/** Returns the threshold in minutes, or null when the customer has none. */
export function lowBalanceMinutes(state: BalanceState): number | null {
  if (state.lowBalanceThreshold === null) return null;
  if (state.lowBalanceKind === "MINUTES") return state.lowBalanceThreshold;
  if (state.lastTopUpMinutes === null) return null;

  return Math.ceil((state.lastTopUpMinutes * state.lowBalanceThreshold) / 100);
}
