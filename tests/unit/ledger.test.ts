import { describe, expect, it } from "vitest";

import {
  assertValidChange,
  balanceStatus,
  type BalanceState,
  lowBalanceMinutes,
  MAX_ENTRY_MINUTES,
  runningBalances,
  totalChange,
} from "@/lib/domain/ledger";

function rejection(change: Parameters<typeof assertValidChange>[0]) {
  try {
    assertValidChange(change);
  } catch (error) {
    return error as { code: string; messageKey: string };
  }

  return null;
}

describe("assertValidChange", () => {
  it("accepts each kind with its sign", () => {
    expect(rejection({ kind: "TOP_UP", minutes: 60 })).toBeNull();
    expect(rejection({ kind: "POSTPAID_BILLING", minutes: 300 })).toBeNull();
    expect(rejection({ kind: "ADJUSTMENT", minutes: -15 })).toBeNull();
    expect(rejection({ kind: "ADJUSTMENT", minutes: 15 })).toBeNull();
    expect(rejection({ kind: "SESSION", minutes: -7 })).toBeNull();
  });

  it("rejects a negative top-up or postpaid billing", () => {
    expect(rejection({ kind: "TOP_UP", minutes: -60 })?.messageKey).toBe(
      "ledger.minutesMustBePositive",
    );
    expect(rejection({ kind: "POSTPAID_BILLING", minutes: -1 })?.messageKey).toBe(
      "ledger.minutesMustBePositive",
    );
  });

  it("rejects a positive session", () => {
    expect(rejection({ kind: "SESSION", minutes: 5 })?.messageKey).toBe(
      "ledger.minutesMustBeNegative",
    );
  });

  it("rejects zero, fractions and non-numbers", () => {
    expect(rejection({ kind: "ADJUSTMENT", minutes: 0 })?.messageKey).toBe("ledger.minutesZero");
    expect(rejection({ kind: "TOP_UP", minutes: 1.5 })?.messageKey).toBe(
      "ledger.minutesNotInteger",
    );
    expect(rejection({ kind: "TOP_UP", minutes: Number.NaN })?.messageKey).toBe(
      "ledger.minutesNotInteger",
    );
  });

  it("rejects changes above the maximum, in both directions", () => {
    expect(rejection({ kind: "TOP_UP", minutes: MAX_ENTRY_MINUTES })).toBeNull();
    expect(rejection({ kind: "TOP_UP", minutes: MAX_ENTRY_MINUTES + 1 })?.messageKey).toBe(
      "ledger.minutesTooLarge",
    );
    expect(rejection({ kind: "ADJUSTMENT", minutes: -MAX_ENTRY_MINUTES - 1 })?.messageKey).toBe(
      "ledger.minutesTooLarge",
    );
  });

  it("lets a reversal carry the opposite sign", () => {
    expect(rejection({ kind: "TOP_UP", minutes: -60, reversal: true })).toBeNull();
    expect(rejection({ kind: "SESSION", minutes: 12, reversal: true })).toBeNull();
    expect(rejection({ kind: "TOP_UP", minutes: 0, reversal: true })?.messageKey).toBe(
      "ledger.minutesZero",
    );
  });

  it("reports a validation error with the minutes field", () => {
    try {
      assertValidChange({ kind: "TOP_UP", minutes: -1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "VALIDATION", fields: [{ field: "minutes" }] });
    }
  });
});

describe("runningBalances", () => {
  it("returns the balance after each change", () => {
    expect(runningBalances(100, [-30, 60, -200])).toEqual([70, 130, -70]);
  });

  it("returns nothing for no changes", () => {
    expect(runningBalances(42, [])).toEqual([]);
  });

  it("ends at the opening balance plus the total change", () => {
    const changes = [600, -45, -15, 120, -999];
    const balances = runningBalances(-10, changes);

    expect(balances.at(-1)).toBe(-10 + totalChange(changes));
    expect(totalChange(changes)).toBe(-339);
  });
});

describe("balanceStatus", () => {
  const prepaid: BalanceState = {
    balanceMinutes: 100,
    billingMode: "PREPAID",
    lowBalanceThreshold: null,
    lowBalanceKind: "MINUTES",
    lastTopUpMinutes: null,
  };

  it("is exhausted at zero and below", () => {
    expect(balanceStatus({ ...prepaid, balanceMinutes: 0 })).toBe("EXHAUSTED");
    expect(balanceStatus({ ...prepaid, balanceMinutes: -5 })).toBe("EXHAUSTED");
    expect(balanceStatus({ ...prepaid, balanceMinutes: 1 })).toBe("OK");
  });

  it("is low strictly below a threshold in minutes", () => {
    const state = { ...prepaid, lowBalanceThreshold: 60 };

    expect(balanceStatus({ ...state, balanceMinutes: 59 })).toBe("LOW");
    expect(balanceStatus({ ...state, balanceMinutes: 60 })).toBe("OK");
  });

  it("computes a percentage threshold from the last top-up, rounding up", () => {
    const state: BalanceState = {
      ...prepaid,
      lowBalanceKind: "PERCENT_OF_LAST_TOP_UP",
      lowBalanceThreshold: 10,
      lastTopUpMinutes: 125,
    };

    expect(lowBalanceMinutes(state)).toBe(13);
    expect(balanceStatus({ ...state, balanceMinutes: 12 })).toBe("LOW");
    expect(balanceStatus({ ...state, balanceMinutes: 13 })).toBe("OK");
    expect(lowBalanceMinutes({ ...state, lastTopUpMinutes: null })).toBeNull();
  });

  it("never warns for postpaid customers", () => {
    expect(balanceStatus({ ...prepaid, billingMode: "POSTPAID", balanceMinutes: -500 })).toBe("OK");
  });
});
