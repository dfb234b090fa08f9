import { describe, expect, it } from "vitest";

import {
  addMonths,
  addWorkingDays,
  dayOfInstant,
  easterSunday,
  formatIsoDay,
  isWorkingDay,
  localInstant,
  parseIsoDay,
  todayIso,
} from "@/prisma/seed/calendar";

const day = parseIsoDay;
const HOUR = 3600;

describe("parseIsoDay", () => {
  it("round-trips a date", () => {
    expect(formatIsoDay(day("2026-12-04"))).toBe("2026-12-04");
    expect(formatIsoDay(day("2024-02-29"))).toBe("2024-02-29");
  });

  it.each(["2026-02-30", "2026-13-01", "2026-2-3", "04/12/2026", ""])("rejects %j", (text) => {
    expect(() => day(text)).toThrow(RangeError);
  });
});

describe("addMonths", () => {
  it("clamps to the last day of a shorter month", () => {
    expect(formatIsoDay(addMonths(day("2024-02-29"), -12))).toBe("2023-02-28");
    expect(formatIsoDay(addMonths(day("2026-01-31"), 1))).toBe("2026-02-28");
  });

  it("crosses years", () => {
    expect(formatIsoDay(addMonths(day("2026-12-04"), -12))).toBe("2025-12-04");
    expect(formatIsoDay(addMonths(day("2026-11-15"), 3))).toBe("2027-02-15");
  });
});

describe("working days", () => {
  it("computes Easter Sunday", () => {
    expect(formatIsoDay(easterSunday(2024))).toBe("2024-03-31");
    expect(formatIsoDay(easterSunday(2025))).toBe("2025-04-20");
    expect(formatIsoDay(easterSunday(2026))).toBe("2026-04-05");
  });

  it.each([
    ["2026-12-04", true, "a Friday"],
    ["2026-12-05", false, "a Saturday"],
    ["2026-12-06", false, "a Sunday"],
    ["2026-12-08", false, "Immaculate Conception"],
    ["2026-12-25", false, "Christmas"],
    ["2026-04-06", false, "Easter Monday"],
    ["2026-04-07", true, "the Tuesday after Easter"],
    ["2026-06-02", false, "Republic Day"],
    ["2026-08-14", true, "the day before Ferragosto"],
  ])("%s is working day: %s (%s)", (date, expected) => {
    expect(isWorkingDay(day(date))).toBe(expected);
  });

  it("skips weekends and holidays when adding", () => {
    expect(formatIsoDay(addWorkingDays(day("2026-12-04"), 1))).toBe("2026-12-07");
    expect(formatIsoDay(addWorkingDays(day("2026-12-04"), 2))).toBe("2026-12-09");
    expect(formatIsoDay(addWorkingDays(day("2026-12-04"), 0))).toBe("2026-12-04");
  });
});

describe("localInstant", () => {
  it.each([
    ["2026-01-15", 10 * HOUR, "2026-01-15T09:00:00.000Z", "winter time"],
    ["2026-07-15", 10 * HOUR, "2026-07-15T08:00:00.000Z", "summer time"],
    ["2026-03-29", 0, "2026-03-28T23:00:00.000Z", "midnight before the spring change"],
    ["2026-03-29", 3.5 * HOUR, "2026-03-29T01:30:00.000Z", "after the spring change"],
    ["2026-03-29", 2.5 * HOUR, "2026-03-29T01:30:00.000Z", "skipped hour, read as 03:30"],
    ["2026-10-25", 0, "2026-10-24T22:00:00.000Z", "midnight before the autumn change"],
    ["2026-10-25", 12 * HOUR, "2026-10-25T11:00:00.000Z", "after the autumn change"],
  ])("%s at %i s is %s (%s)", (date, second, expected) => {
    expect(localInstant(day(date), second).toISOString()).toBe(expected);
  });

  it("round-trips through dayOfInstant", () => {
    expect(formatIsoDay(dayOfInstant(new Date("2026-12-03T23:30:00Z")))).toBe("2026-12-04");
    expect(formatIsoDay(dayOfInstant(new Date("2026-07-01T21:59:00Z")))).toBe("2026-07-01");
    expect(formatIsoDay(dayOfInstant(new Date("2026-07-01T22:00:00Z")))).toBe("2026-07-02");
  });

  it("gives today in Rome, not in UTC", () => {
    expect(todayIso(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(todayIso(new Date("2026-12-31T22:59:00Z"))).toBe("2026-12-31");
  });
});
