import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { isValidVatNumber } from "@/lib/domain/vat-number";
import { addMonths, parseIsoDay } from "@/prisma/seed/calendar";
import { resolveAnchor } from "@/prisma/seed/demo-data";
import { planDemoData, summarizeDemoData } from "@/prisma/seed/demo-plan";
import { TOP_UP_PACKS } from "@/prisma/seed/registry";
import { billedMinutesFor } from "@/prisma/seed/sessions";

const ANCHOR = parseIsoDay("2026-12-04");

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

describe("billedMinutesFor", () => {
  it.each([
    [0, 1],
    [1, 1],
    [59, 1],
    [60, 1],
    [61, 2],
    [3_600, 60],
    [3_601, 61],
  ])("%i seconds bill %i minutes", (seconds, minutes) => {
    expect(billedMinutesFor(seconds)).toBe(minutes);
  });
});

describe("planDemoData", () => {
  it("same anchor gives the same plan", () => {
    const first = JSON.stringify(planDemoData(ANCHOR));
    const second = JSON.stringify(planDemoData(ANCHOR));

    // Digests keep a failure readable: the plans are megabytes of JSON.
    expect(digest(second)).toBe(digest(first));
  });

  it("registry does not depend on the anchor", () => {
    const registry = (anchor: number) =>
      planDemoData(anchor).customers.map(({ customer }) => [
        customer.code,
        customer.name,
        customer.vatNumber,
      ]);

    expect(registry(parseIsoDay("2027-03-01"))).toEqual(registry(ANCHOR));
  });

  it("every anchor month ends with four exhausted and four low customers", () => {
    for (let month = 0; month < 12; month += 1) {
      const anchor = addMonths(parseIsoDay("2026-01-15"), month);
      const summary = summarizeDemoData(planDemoData(anchor), "");

      expect(summary.exhaustedCustomers, `anchor ${anchor}`).toBe(4);
      expect(summary.lowCustomers, `anchor ${anchor}`).toBe(4);
      expect(summary.reversals, `anchor ${anchor}`).toBe(2);
    }
    // Plans the demo data twelve times: about 1 s on an idle machine, more when the cores are busy.
  }, 30_000);

  it("top-ups use the standard packs", () => {
    const { customers } = planDemoData(ANCHOR);
    const topUps = customers.flatMap(({ entries }) =>
      entries.filter((entry) => entry.kind === "TOP_UP" && entry.reverses === null),
    );

    expect(new Set(topUps.map((entry) => entry.minutes))).toEqual(new Set(TOP_UP_PACKS));
    expect(topUps.some((entry) => entry.expiresAt !== null)).toBe(true);
    expect(topUps.some((entry) => entry.contractIndex !== null)).toBe(true);
  });

  it("VAT numbers are valid and unique", () => {
    const vatNumbers = planDemoData(ANCHOR).customers.map(({ customer }) => customer.vatNumber);

    expect(vatNumbers.filter((value) => !isValidVatNumber(value))).toEqual([]);
    expect(new Set(vatNumbers).size).toBe(vatNumbers.length);
  });

  it("session codes are unique", () => {
    const codes = planDemoData(ANCHOR).sessions.map((session) => session.code);

    expect(codes.every((code) => /^s\d{9}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe("resolveAnchor", () => {
  it("defaults to today in Rome", () => {
    expect(resolveAnchor(undefined, new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(resolveAnchor("", new Date("2026-06-30T12:00:00Z"))).toBe("2026-06-30");
  });

  it("accepts a valid date", () => {
    expect(resolveAnchor("2026-02-28")).toBe("2026-02-28");
  });

  it("rejects an invalid date with the variable name", () => {
    expect(() => resolveAnchor("2026-02-30")).toThrow(/DEMO_ANCHOR_DATE "2026-02-30"/);
    expect(() => resolveAnchor("30/06/2026")).toThrow(/YYYY-MM-DD/);
  });
});
