import { describe, expect, it } from "vitest";

import { parseSessionFilters } from "@/lib/validations/session-filters";

// 10:00 in Rome on 14 November 2026.
const NOW = new Date("2026-11-14T09:00:00Z");

describe("parseSessionFilters", () => {
  it("defaults to the current month in Rome", () => {
    const parsed = parseSessionFilters({}, NOW);

    expect(parsed.ok).toBe(true);
    expect(parsed.values).toMatchObject({ from: "01/11/2026", to: "30/11/2026", status: "" });
    if (!parsed.ok) return;
    expect(parsed.filters.startedFrom?.toISOString()).toBe("2026-10-31T23:00:00.000Z");
    expect(parsed.filters.startedBefore?.toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(parsed.filters.customer).toBeUndefined();
    expect(parsed.filters.status).toBeUndefined();
  });

  it("covers the whole last day, across a change of summer time", () => {
    const parsed = parseSessionFilters({ from: "2026-10-25", to: "25/10/2026" }, NOW);

    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.filters.startedFrom?.toISOString()).toBe("2026-10-24T22:00:00.000Z");
    // 25 October 2026 lasts 25 hours in Rome.
    expect(parsed.filters.startedBefore?.toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it("passes the text filters and the status", () => {
    const parsed = parseSessionFilters(
      { customer: "  Rossi ", operator: ["Luca", "ignored"], status: "UNASSIGNED" },
      NOW,
    );

    expect(parsed.ok && parsed.filters).toMatchObject({
      customer: "Rossi",
      operator: "Luca",
      status: "UNASSIGNED",
    });
  });

  it("reports an end before the start on the end field", () => {
    const parsed = parseSessionFilters({ from: "10/11/2026", to: "09/11/2026" }, NOW);

    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues).toEqual([
      { field: "to", message: "session.filterEndBeforeStart" },
    ]);
  });

  it("reports invalid and missing dates with the value typed", () => {
    const parsed = parseSessionFilters({ from: "31/02/2026", to: "" }, NOW);

    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues).toEqual([
      { field: "from", message: "session.filterDateInvalid", values: { value: "31/02/2026" } },
      { field: "to", message: "session.filterDateMissing" },
    ]);
    expect(parsed.values.from).toBe("31/02/2026");
  });

  it("reports an unknown status", () => {
    const parsed = parseSessionFilters({ status: "DELETED" }, NOW);

    expect(!parsed.ok && parsed.issues).toEqual([
      { field: "status", message: "session.filterStatusInvalid" },
    ]);
  });
});
