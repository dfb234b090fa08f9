import { describe, expect, it } from "vitest";

import { parseCsv } from "@/lib/imports/csv";
import {
  mapOpeningBalances,
  openingBalanceMappingSchema,
  openingBalancesDigest,
  parseMinutes,
} from "@/lib/imports/opening-balance-rows";

const table = (text: string) => parseCsv(new TextEncoder().encode(text));
const MAPPING = openingBalanceMappingSchema.parse({
  columns: { code: "code", minutes: "minutes" },
});

describe("parseMinutes", () => {
  it.each([
    ["120", 120],
    ["-30", -30],
    ["+45", 45],
    ["1.200", 1200],
    ["-1.234.567", -1234567],
    [" 1 200 ", 1200],
  ])("reads %s", (text, minutes) => {
    expect(parseMinutes(text)).toBe(minutes);
  });

  it.each(["12,5", "1.20", "abc", "", "1e3", "--5", "12.5"])("rejects %s", (text) => {
    expect(parseMinutes(text)).toBeNull();
  });
});

describe("mapOpeningBalances", () => {
  it("keeps valid rows and rejects bad ones", () => {
    const mapped = mapOpeningBalances(
      table("code;minutes\nC1;60\n;10\nC2;\nC3;0\nC4;2000000\nC1;5\n"),
      MAPPING,
    );

    expect(mapped.rows).toEqual([
      { line: 2, code: "C1", minutes: 60, contract: null, comment: null },
    ]);
    expect(mapped.rejected.map((row) => [row.line, row.problem.kind])).toEqual([
      [3, "missingCode"],
      [4, "missingMinutes"],
      [5, "zeroMinutes"],
      [6, "tooManyMinutes"],
      [7, "duplicateCode"],
    ]);
  });

  it("requires the code and minutes columns", () => {
    const result = openingBalanceMappingSchema.safeParse({ columns: { code: "code" } });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("openingBalances.minutesColumnRequired");
  });
});

describe("openingBalancesDigest", () => {
  const row = (code: string, minutes: number) => ({
    line: 2,
    code,
    minutes,
    contract: null,
    comment: null,
  });

  it("ignores row order and line numbers", () => {
    expect(openingBalancesDigest([row("A", 1), row("B", 2)])).toBe(
      openingBalancesDigest([{ ...row("B", 2), line: 9 }, row("A", 1)]),
    );
  });

  it("ignores comments", () => {
    const first = [{ ...row("A", 1), comment: "Saldo 2025" }, row("B", 2)];
    const second = [row("A", 1), { ...row("B", 2), comment: "Riporto" }];

    expect(openingBalancesDigest(first)).toBe(openingBalancesDigest(second));
  });

  it("orders rows of one code by minutes and contract", () => {
    const first = [row("A", 1), row("A", 2), { ...row("A", 3), contract: "K1" }];
    const second = [{ ...row("A", 3), contract: "K1" }, row("A", 2), row("A", 1)];

    expect(openingBalancesDigest(first)).toBe(openingBalancesDigest(second));
  });

  it("changes with the contract", () => {
    const withContract = { ...row("A", 1), contract: "K1" };

    expect(openingBalancesDigest([row("A", 1)])).not.toBe(openingBalancesDigest([withContract]));
  });

  it("changes with any minute", () => {
    expect(openingBalancesDigest([row("A", 1)])).not.toBe(openingBalancesDigest([row("A", 2)]));
  });
});
