import { describe, expect, it } from "vitest";

import { contractInEffect, customerOfDevices } from "@/lib/domain/session-association";
import { assertNotInFuture, FUTURE_TOLERANCE_MS } from "@/lib/domain/session-time";

describe("customerOfDevices", () => {
  it("returns the one owner", () => {
    expect(customerOfDevices([{ customerId: "a" }, { customerId: "a" }])).toBe("a");
  });

  it("returns null for no device", () => {
    expect(customerOfDevices([])).toBeNull();
  });

  it("returns null for two owners", () => {
    expect(customerOfDevices([{ customerId: "a" }, { customerId: "b" }])).toBeNull();
  });
});

describe("contractInEffect", () => {
  const old = {
    id: "old",
    startsOn: new Date("2025-01-01"),
    endsOn: new Date("2026-03-31"),
  };
  const renewal = { id: "renewal", startsOn: new Date("2026-03-15"), endsOn: null };

  it("includes the end date", () => {
    expect(contractInEffect([old], new Date("2026-03-31T20:00:00Z"))).toBe("old");
  });

  it("reads the date in the business time zone", () => {
    // 23:30 UTC on 31 March is already 1 April in Rome.
    expect(contractInEffect([old], new Date("2026-03-31T23:30:00Z"))).toBeNull();
  });

  it("prefers the contract that started last", () => {
    expect(contractInEffect([old, renewal], new Date("2026-03-20T10:00:00Z"))).toBe("renewal");
  });

  it("returns null before any contract", () => {
    expect(contractInEffect([old, renewal], new Date("2024-06-01T10:00:00Z"))).toBeNull();
  });
});

describe("assertNotInFuture", () => {
  const now = new Date("2026-05-14T10:00:00Z");

  it("accepts an instant at the tolerance", () => {
    const instant = new Date(now.getTime() + FUTURE_TOLERANCE_MS);

    expect(() => assertNotInFuture({ instant, now, field: "startedAt", code: "S" })).not.toThrow();
  });

  it("rejects an end beyond the tolerance", () => {
    const instant = new Date(now.getTime() + FUTURE_TOLERANCE_MS + 1000);

    expect(() => assertNotInFuture({ instant, now, field: "endedAt", code: "S" })).toThrow(
      expect.objectContaining({
        code: "VALIDATION",
        messageKey: "session.endInFuture",
        fields: [expect.objectContaining({ field: "endedAt" })],
      }),
    );
  });
});
