import { describe, expect, it } from "vitest";

import { billSession, sessionSeconds } from "@/lib/domain/bill-session";
import {
  billingRulesSchema,
  type BillingRules,
  DEFAULT_BILLING_RULES,
  MAX_IGNORE_SECONDS,
  MAX_RULE_MINUTES,
  resolveBillingRules,
} from "@/lib/domain/billing-rules";
import { AppError } from "@/lib/errors";

// Rules with every threshold off, so each test turns on only the rule it checks.
const plain: BillingRules = {
  roundingIncrementMinutes: 1,
  minimumBilledMinutes: 0,
  ignoreShorterThanSeconds: 0,
  mergeGapMinutes: 0,
  billableConnectionTypes: ["RemoteControl"],
};

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError, but nothing was thrown");
}

function billed(seconds: number, rules: Partial<BillingRules> = {}) {
  return billSession(seconds, "RemoteControl", { ...plain, ...rules });
}

describe("billSession rounding", () => {
  it("counts a partial minute as a whole one", () => {
    expect(billed(59).billedMinutes).toBe(1);
    expect(billed(60).billedMinutes).toBe(1);
    expect(billed(61).billedMinutes).toBe(2);
    expect(billed(119).billedMinutes).toBe(2);
    expect(billed(120).billedMinutes).toBe(2);
    expect(billed(121).billedMinutes).toBe(3);
  });

  it("bills exactly one increment at its length", () => {
    const result = billed(15 * 60, { roundingIncrementMinutes: 15 });

    expect(result.billedMinutes).toBe(15);
    expect(result.billable).toBe(true);
    expect(result.rule).toEqual({ kind: "ROUNDED", incrementMinutes: 15, realSeconds: 900 });
  });

  it("rounds one second over to the next increment", () => {
    expect(billed(15 * 60 + 1, { roundingIncrementMinutes: 15 }).billedMinutes).toBe(30);
    expect(billed(1, { roundingIncrementMinutes: 15 }).billedMinutes).toBe(15);
    expect(billed(5 * 60 + 1, { roundingIncrementMinutes: 5 }).billedMinutes).toBe(10);
  });

  it("explains a rounded session with its real seconds", () => {
    expect(billed(61).rule).toEqual({ kind: "ROUNDED", incrementMinutes: 1, realSeconds: 61 });
  });

  it("bills a long session on its real time", () => {
    // Three hours and one second, as in a real TeamViewer log.
    expect(billed(3 * 3600 + 1).billedMinutes).toBe(181);
  });
});

describe("billSession minimum charge", () => {
  it("raises a short session to the minimum", () => {
    const result = billed(61, { minimumBilledMinutes: 10 });

    expect(result.billedMinutes).toBe(10);
    expect(result.billable).toBe(true);
    expect(result.rule).toEqual({
      kind: "MINIMUM",
      minimumMinutes: 10,
      roundedMinutes: 2,
      realSeconds: 61,
    });
  });

  it("rounds normally at and above the minimum", () => {
    expect(billed(600, { minimumBilledMinutes: 10 }).rule.kind).toBe("ROUNDED");
    expect(billed(600, { minimumBilledMinutes: 10 }).billedMinutes).toBe(10);
    expect(billed(601, { minimumBilledMinutes: 10 }).billedMinutes).toBe(11);
  });

  it("applies minimum off the increment grid", () => {
    const rules = { roundingIncrementMinutes: 15, minimumBilledMinutes: 20 };

    expect(billed(60, rules).billedMinutes).toBe(20);
    expect(billed(16 * 60, rules).billedMinutes).toBe(30);
  });
});

describe("billSession ignore threshold", () => {
  it("ignores a session one second under the threshold", () => {
    const result = billed(59, { ignoreShorterThanSeconds: 60, minimumBilledMinutes: 1 });

    expect(result.billedMinutes).toBe(0);
    expect(result.billable).toBe(false);
    expect(result.rule).toEqual({ kind: "TOO_SHORT", thresholdSeconds: 60, realSeconds: 59 });
  });

  it("bills a session of exactly the threshold", () => {
    const result = billed(60, { ignoreShorterThanSeconds: 60, minimumBilledMinutes: 1 });

    expect(result.billedMinutes).toBe(1);
    expect(result.billable).toBe(true);
  });

  it("never bills zero seconds", () => {
    const result = billed(0, { minimumBilledMinutes: 5 });

    expect(result.billedMinutes).toBe(0);
    expect(result.billable).toBe(false);
    expect(result.rule).toEqual({ kind: "TOO_SHORT", thresholdSeconds: 0, realSeconds: 0 });
  });

  it("bills one second when nothing is ignored", () => {
    expect(billed(1).billedMinutes).toBe(1);
  });
});

describe("billSession with default rules", () => {
  const cases: Array<[seconds: number, minutes: number]> = [
    [0, 0],
    [59, 0],
    [60, 1],
    [61, 2],
    [3600, 60],
  ];

  it.each(cases)("bills %i s as %i min", (seconds, minutes) => {
    expect(billSession(seconds, "RemoteControl", DEFAULT_BILLING_RULES).billedMinutes).toBe(
      minutes,
    );
  });
});

describe("billSession connection types", () => {
  it("does not bill a file transfer", () => {
    const result = billSession(3600, "Filetransfer", plain);

    expect(result.billedMinutes).toBe(0);
    expect(result.billable).toBe(false);
    expect(result.rule).toEqual({
      kind: "NOT_BILLABLE_TYPE",
      connectionType: "Filetransfer",
      realSeconds: 3600,
    });
  });

  it("matches connection types without regard to case", () => {
    expect(billSession(120, "remotecontrol", plain).billedMinutes).toBe(2);
    expect(billSession(120, " RemoteControl ", plain).billedMinutes).toBe(2);
  });

  it("bills a session without a connection type", () => {
    expect(billSession(120, null, plain).billedMinutes).toBe(2);
    expect(billSession(120, undefined, plain).billable).toBe(true);
  });

  it("bills every type in the list", () => {
    const rules = { ...plain, billableConnectionTypes: ["RemoteControl", "Filetransfer"] };

    expect(billSession(120, "Filetransfer", rules).billedMinutes).toBe(2);
    expect(billSession(120, "VPN", rules).billable).toBe(false);
  });

  it("checks the type before the threshold", () => {
    const result = billSession(10, "Filetransfer", { ...plain, ignoreShorterThanSeconds: 60 });

    expect(result.rule.kind).toBe("NOT_BILLABLE_TYPE");
  });
});

describe("billSession invalid seconds", () => {
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("rejects %s seconds", (seconds) => {
    const error = thrown(() => billSession(seconds, "RemoteControl", plain));

    expect(error.code).toBe("VALIDATION");
    expect(error.messageKey).toBe("session.invalidDuration");
    expect(error.fields[0]?.field).toBe("seconds");
  });
});

describe("sessionSeconds", () => {
  it("returns the real elapsed seconds", () => {
    const start = new Date("2026-05-14T14:32:11Z");

    expect(sessionSeconds(start, new Date("2026-05-14T14:59:10Z"))).toBe(1619);
    expect(sessionSeconds(start, start)).toBe(0);
  });

  it("drops a fraction of a second", () => {
    expect(sessionSeconds(new Date(0), new Date(61_999))).toBe(61);
  });

  it("measures a session across midnight", () => {
    // 23:50 to 00:20 Rome time, in winter (UTC+1).
    const start = new Date("2026-01-15T23:50:00+01:00");
    const end = new Date("2026-01-16T00:20:00+01:00");

    expect(sessionSeconds(start, end)).toBe(30 * 60);
    expect(billSession(sessionSeconds(start, end), "RemoteControl", plain).billedMinutes).toBe(30);
  });

  it("rejects an end before the start", () => {
    const error = thrown(() =>
      sessionSeconds(new Date("2026-01-01T10:00:01Z"), new Date("2026-01-01T10:00:00Z"), "s-1"),
    );

    expect(error.code).toBe("VALIDATION");
    expect(error.messageKey).toBe("session.endBeforeStart");
    expect(error.values).toEqual({ code: "s-1" });
    expect(error.fields[0]?.field).toBe("endedAt");
  });

  it("rejects an invalid instant", () => {
    const error = thrown(() => sessionSeconds(new Date("2026-01-01"), new Date("not a date")));

    expect(error.messageKey).toBe("session.invalidTime");
    expect(error.fields[0]?.field).toBe("endedAt");
  });
});

describe("sessionSeconds across daylight-saving changes", () => {
  const romeClock = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Rome",
    hour: "2-digit",
    minute: "2-digit",
  });

  it("bills one hour for 01:30 to 03:30 on 29 March 2026", () => {
    // Clocks jump from 02:00 to 03:00, so two hours on the wall clock are one real hour.
    const start = new Date("2026-03-29T01:30:00+01:00");
    const end = new Date("2026-03-29T03:30:00+02:00");

    expect(romeClock.format(start)).toBe("01:30");
    expect(romeClock.format(end)).toBe("03:30");
    expect(sessionSeconds(start, end)).toBe(3600);
    expect(billSession(sessionSeconds(start, end), "RemoteControl", plain).billedMinutes).toBe(60);
  });

  it("bills three hours for 01:30 to 03:30 on 25 October 2026", () => {
    // Clocks go back from 03:00 to 02:00, so the hour from 02:00 to 03:00 happens twice.
    const start = new Date("2026-10-25T01:30:00+02:00");
    const end = new Date("2026-10-25T03:30:00+01:00");

    expect(romeClock.format(start)).toBe("01:30");
    expect(romeClock.format(end)).toBe("03:30");
    expect(sessionSeconds(start, end)).toBe(3 * 3600);
  });

  it("bills one hour between the two 02:30 of 25 October 2026", () => {
    const start = new Date("2026-10-25T02:30:00+02:00");
    const end = new Date("2026-10-25T02:30:00+01:00");

    expect(romeClock.format(start)).toBe(romeClock.format(end));
    expect(sessionSeconds(start, end)).toBe(3600);
  });
});

describe("resolveBillingRules", () => {
  it("returns the defaults when nothing is set", () => {
    expect(resolveBillingRules({})).toEqual(DEFAULT_BILLING_RULES);
    expect(resolveBillingRules({ settings: null, customer: null })).toEqual(DEFAULT_BILLING_RULES);
  });

  it("lets the settings override the defaults", () => {
    const rules = resolveBillingRules({ settings: { roundingIncrementMinutes: 15 } });

    expect(rules).toEqual({ ...DEFAULT_BILLING_RULES, roundingIncrementMinutes: 15 });
  });

  it("lets the customer override the settings field by field", () => {
    const rules = resolveBillingRules({
      settings: { roundingIncrementMinutes: 15, minimumBilledMinutes: 15, mergeGapMinutes: 5 },
      customer: { roundingIncrementMinutes: 5, ignoreShorterThanSeconds: 0 },
    });

    expect(rules).toEqual({
      roundingIncrementMinutes: 5,
      minimumBilledMinutes: 15,
      ignoreShorterThanSeconds: 0,
      mergeGapMinutes: 5,
      billableConnectionTypes: ["RemoteControl"],
    });
  });

  it("keeps earlier value for undefined field", () => {
    const rules = resolveBillingRules({
      settings: { mergeGapMinutes: 5 },
      customer: { mergeGapMinutes: undefined },
    });

    expect(rules.mergeGapMinutes).toBe(5);
  });

  it("replaces the list of billable types as a whole", () => {
    const rules = resolveBillingRules({
      settings: { billableConnectionTypes: ["RemoteControl"] },
      customer: { billableConnectionTypes: ["RemoteControl", "Filetransfer"] },
    });

    expect(rules.billableConnectionTypes).toEqual(["RemoteControl", "Filetransfer"]);
  });

  it("rejects an increment of zero in the settings", () => {
    const error = thrown(() => resolveBillingRules({ settings: { roundingIncrementMinutes: 0 } }));

    expect(error.code).toBe("VALIDATION");
    expect(error.messageKey).toBe("session.settingsRulesInvalid");
    expect(error.fields).toEqual([
      {
        field: "roundingIncrementMinutes",
        message: "session.roundingIncrementInvalid",
        values: { max: "1.440" },
      },
    ]);
  });

  it("rejects a negative minimum in a customer override", () => {
    const error = thrown(() => resolveBillingRules({ customer: { minimumBilledMinutes: -1 } }));

    expect(error.messageKey).toBe("session.customerRulesInvalid");
    expect(error.fields[0]?.field).toBe("minimumBilledMinutes");
    expect(error.fields[0]?.message).toBe("session.minimumBilledMinutesInvalid");
  });

  it("rejects invalid override despite valid settings", () => {
    const error = thrown(() =>
      resolveBillingRules({ settings: { mergeGapMinutes: 5 }, customer: { mergeGapMinutes: -5 } }),
    );

    expect(error.messageKey).toBe("session.customerRulesInvalid");
    expect(error.fields[0]?.message).toBe("session.mergeGapInvalid");
  });

  it("names every invalid field", () => {
    const error = thrown(() =>
      resolveBillingRules({
        settings: {
          roundingIncrementMinutes: 2.5,
          ignoreShorterThanSeconds: MAX_IGNORE_SECONDS + 1,
          mergeGapMinutes: "5",
          billableConnectionTypes: [],
        },
      }),
    );

    expect(error.fields.map((issue) => issue.field)).toEqual([
      "roundingIncrementMinutes",
      "ignoreShorterThanSeconds",
      "mergeGapMinutes",
      "billableConnectionTypes",
    ]);
  });

  it("rejects a blank connection type", () => {
    const error = thrown(() =>
      resolveBillingRules({ customer: { billableConnectionTypes: [" "] } }),
    );

    expect(error.fields[0]?.message).toBe("session.billableConnectionTypesInvalid");
  });

  it("rejects an unknown field instead of ignoring it", () => {
    const error = thrown(() => resolveBillingRules({ customer: { roundingIncrement: 15 } }));

    expect(error.fields).toEqual([
      {
        field: "roundingIncrement",
        message: "session.rulesUnknownField",
        values: { field: "roundingIncrement" },
      },
    ]);
  });

  it("rejects a value that is not an object", () => {
    const error = thrown(() => resolveBillingRules({ settings: "15" }));

    expect(error.fields[0]?.message).toBe("session.rulesNotObject");
  });

  it("accepts the limits themselves", () => {
    const limits = {
      roundingIncrementMinutes: MAX_RULE_MINUTES,
      minimumBilledMinutes: MAX_RULE_MINUTES,
      ignoreShorterThanSeconds: MAX_IGNORE_SECONDS,
      mergeGapMinutes: MAX_RULE_MINUTES,
      billableConnectionTypes: ["RemoteControl"],
    };

    expect(resolveBillingRules({ settings: limits })).toEqual(limits);
    expect(billingRulesSchema.safeParse(DEFAULT_BILLING_RULES).success).toBe(true);
  });
});
