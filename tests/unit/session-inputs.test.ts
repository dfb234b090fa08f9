import { describe, expect, it } from "vitest";

import { billingRulesFormSchema } from "@/lib/validations/billing-rules-form";
import { manualSessionInputSchema } from "@/lib/validations/sessions";
import { formatDuration, formatTime } from "@/lib/i18n/format";

describe("manualSessionInputSchema", () => {
  it("accepts a code with a customer code and defaults the start to now", () => {
    expect(manualSessionInputSchema.parse({ code: " s1 ", customerCode: "C001" })).toEqual({
      code: "s1",
      customerCode: "C001",
      remoteDeviceId: null,
      minutesAgo: 0,
      notes: null,
    });
  });

  it("reads minutes ago typed as text", () => {
    const input = manualSessionInputSchema.parse({
      code: "s1",
      remoteDeviceId: "123",
      minutesAgo: "45",
    });

    expect(input.minutesAgo).toBe(45);
  });

  it("requires a customer or a device", () => {
    const result = manualSessionInputSchema.safeParse({ code: "s1", customerCode: " " });

    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [["customerCode"], "session.customerOrDeviceMissing"],
    ]);
  });

  it("rejects a missing code and invalid minutes", () => {
    const result = manualSessionInputSchema.safeParse({
      code: "",
      customerCode: "C001",
      minutesAgo: "2.5",
    });
    const messages = result.error?.issues.map((issue) => issue.message);

    expect(messages).toContain("session.codeMissing");
    expect(messages).toContain("session.minutesAgoInvalid");
    expect(
      manualSessionInputSchema.safeParse({ code: "s1", customerCode: "C", minutesAgo: "721" })
        .success,
    ).toBe(false);
    expect(
      manualSessionInputSchema.safeParse({ code: "s1", customerCode: "C", minutesAgo: "-1" })
        .success,
    ).toBe(false);
  });
});

describe("billingRulesFormSchema", () => {
  it("turns typed fields into numbers and a list, leaving out empty ones", () => {
    expect(
      billingRulesFormSchema.parse({
        roundingIncrementMinutes: " 15 ",
        minimumBilledMinutes: "",
        ignoreShorterThanSeconds: "0",
        mergeGapMinutes: null,
        billableConnectionTypes: "RemoteControl, VPN ;",
      }),
    ).toEqual({
      roundingIncrementMinutes: 15,
      ignoreShorterThanSeconds: 0,
      billableConnectionTypes: ["RemoteControl", "VPN"],
    });
  });

  it("keeps text that is not a number for the rules schema to reject", () => {
    const rules = billingRulesFormSchema.parse({ minimumBilledMinutes: "abc" });

    expect(Number.isNaN(rules.minimumBilledMinutes)).toBe(true);
  });

  it("returns an empty override for an empty form", () => {
    expect(billingRulesFormSchema.parse({ billableConnectionTypes: " , " })).toEqual({});
  });
});

describe("time formats", () => {
  it("formats durations as h:mm:ss", () => {
    expect(formatDuration(0)).toBe("0:00:00");
    expect(formatDuration(750)).toBe("0:12:30");
    expect(formatDuration(93_605)).toBe("26:00:05");
    expect(formatDuration(-5)).toBe("0:00:00");
  });

  it("formats the time of day in Rome", () => {
    expect(formatTime(new Date("2026-07-01T08:15:09Z"))).toBe("10:15:09");
  });
});
