import { describe, expect, it } from "vitest";

import {
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatMinutes,
  formatSignedMinutes,
} from "@/lib/i18n/format";

describe("Italian formats", () => {
  it("groups thousands with a dot and uses a decimal comma", () => {
    expect(formatMinutes(7901)).toBe("7.901");
    expect(formatMinutes(1234567)).toBe("1.234.567");
    expect(formatDecimal(1234.5)).toBe("1.234,5");
    expect(formatMinutes(-15)).toBe("-15");
  });

  it("signs changes of minutes", () => {
    expect(formatSignedMinutes(1200)).toBe("+1.200");
    expect(formatSignedMinutes(-45)).toBe("-45");
  });

  it("shows dates as dd/mm/yyyy in the Rome time zone", () => {
    // 23:30 UTC on 31 December is already New Year's Day in Rome.
    expect(formatDate(new Date("2026-12-31T23:30:00Z"))).toBe("01/01/2027");
    expect(formatDate(new Date("2026-03-05T10:00:00Z"))).toBe("05/03/2026");
  });

  it("applies summer time to date and time", () => {
    expect(formatDateTime(new Date("2026-07-01T08:15:00Z"))).toBe("01/07/2026, 10:15");
    expect(formatDateTime(new Date("2026-01-15T08:15:00Z"))).toBe("15/01/2026, 09:15");
  });

  it("shows period bounds as dd/mm/yyyy", () => {
    expect(formatCalendarDate("2026-11-01")).toBe("01/11/2026");
  });
});
