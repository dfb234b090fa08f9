import { describe, expect, it } from "vitest";

import { parseMinutesInput } from "@/lib/domain/minutes-input";

describe("parseMinutesInput", () => {
  it.each([
    ["60", 60],
    [" -15 ", -15],
    ["+30", 30],
    ["1.200", 1200],
    ["1.000.000", 1000000],
    [45, 45],
  ])("reads %j as %d", (input, expected) => {
    expect(parseMinutesInput(input)).toEqual({ ok: true, minutes: expected });
  });

  it.each([
    ["1,5", "ledger.minutesNotInteger"],
    ["12.5", "ledger.minutesNotInteger"],
    [1.5, "ledger.minutesNotInteger"],
    ["1e2", "ledger.minutesNotNumber"],
    ["0x10", "ledger.minutesNotNumber"],
    ["sessanta", "ledger.minutesNotNumber"],
    ["1.20", "ledger.minutesNotInteger"],
    [true, "ledger.minutesNotNumber"],
    [[7], "ledger.minutesNotNumber"],
    [Number.NaN, "ledger.minutesNotNumber"],
    ["", "ledger.minutesRequired"],
    [null, "ledger.minutesRequired"],
  ])("rejects %j with %s", (input, messageKey) => {
    expect(parseMinutesInput(input)).toEqual({ ok: false, messageKey });
  });
});
