import { describe, expect, it } from "vitest";

import {
  addDays,
  businessDateOf,
  compareCalendarDates,
  formatCalendarDate,
  monthOf,
  parseCalendarDate,
  startOfBusinessDay,
} from "@/lib/domain/business-date";

describe("parseCalendarDate", () => {
  it("reads Italian and ISO dates", () => {
    expect(parseCalendarDate("05/03/2026")).toEqual({ year: 2026, month: 3, day: 5 });
    expect(parseCalendarDate(" 5-3-2026 ")).toEqual({ year: 2026, month: 3, day: 5 });
    expect(parseCalendarDate("5.3.2026")).toEqual({ year: 2026, month: 3, day: 5 });
    expect(parseCalendarDate("2026-03-05")).toEqual({ year: 2026, month: 3, day: 5 });
  });

  it("rejects days that do not exist", () => {
    expect(parseCalendarDate("31/02/2026")).toBeNull();
    expect(parseCalendarDate("29/02/2026")).toBeNull();
    expect(parseCalendarDate("00/01/2026")).toBeNull();
    expect(parseCalendarDate("01/13/2026")).toBeNull();
  });

  it("rejects other text", () => {
    expect(parseCalendarDate("")).toBeNull();
    expect(parseCalendarDate("ieri")).toBeNull();
    expect(parseCalendarDate("03/2026")).toBeNull();
    expect(parseCalendarDate("05/03/26")).toBeNull();
  });

  it("accepts a leap day", () => {
    expect(parseCalendarDate("29/02/2028")).toEqual({ year: 2028, month: 2, day: 29 });
  });
});

describe("startOfBusinessDay", () => {
  it("is midnight in Rome in winter and summer", () => {
    expect(startOfBusinessDay({ year: 2026, month: 1, day: 15 }).toISOString()).toBe(
      "2026-01-14T23:00:00.000Z",
    );
    expect(startOfBusinessDay({ year: 2026, month: 7, day: 1 }).toISOString()).toBe(
      "2026-06-30T22:00:00.000Z",
    );
  });

  it("handles the days summer time starts and ends", () => {
    // Summer time starts on 29 March 2026 and ends on 25 October 2026, at night.
    expect(startOfBusinessDay({ year: 2026, month: 3, day: 29 }).toISOString()).toBe(
      "2026-03-28T23:00:00.000Z",
    );
    expect(startOfBusinessDay({ year: 2026, month: 3, day: 30 }).toISOString()).toBe(
      "2026-03-29T22:00:00.000Z",
    );
    expect(startOfBusinessDay({ year: 2026, month: 10, day: 25 }).toISOString()).toBe(
      "2026-10-24T22:00:00.000Z",
    );
    expect(startOfBusinessDay({ year: 2026, month: 10, day: 26 }).toISOString()).toBe(
      "2026-10-25T23:00:00.000Z",
    );
  });
});

describe("calendar helpers", () => {
  it("reads the Rome date of an instant", () => {
    expect(businessDateOf(new Date("2026-10-31T23:30:00Z"))).toEqual({
      year: 2026,
      month: 11,
      day: 1,
    });
  });

  it("finds the month of an instant in Rome", () => {
    expect(monthOf(new Date("2026-11-30T23:30:00Z"))).toEqual({
      first: { year: 2026, month: 12, day: 1 },
      last: { year: 2026, month: 12, day: 31 },
    });
    expect(monthOf(new Date("2028-02-10T10:00:00Z")).last).toEqual({
      year: 2028,
      month: 2,
      day: 29,
    });
  });

  it("adds days across months and years", () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({
      year: 2027,
      month: 1,
      day: 1,
    });
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({
      year: 2026,
      month: 2,
      day: 28,
    });
  });

  it("compares and formats dates", () => {
    const first = { year: 2026, month: 11, day: 1 };
    const second = { year: 2026, month: 11, day: 2 };

    expect(compareCalendarDates(first, second)).toBe(-1);
    expect(compareCalendarDates(second, first)).toBe(1);
    expect(compareCalendarDates(first, { ...first })).toBe(0);
    expect(formatCalendarDate(first)).toBe("01/11/2026");
  });
});
