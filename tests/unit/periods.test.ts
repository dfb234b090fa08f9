import { describe, expect, it } from "vitest";

import {
  addDays,
  bucketKey,
  bucketKeyOf,
  bucketsOf,
  defaultGranularity,
  isoWeek,
  localDateOf,
  parseCalendarDate,
  resolvePeriod,
  startOfLocalDay,
} from "@/lib/domain/periods";
import { AppError } from "@/lib/errors";

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("parseCalendarDate", () => {
  it("accepts the leap day of a leap year", () => {
    expect(parseCalendarDate("2028-02-29")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });

  it.each(["2026-02-29", "2026-13-01", "2026-04-31", "26-01-01", "2026-1-1", "", "2026-01-01x"])(
    "rejects %s",
    (text) => {
      expect(parseCalendarDate(text)).toBeNull();
    },
  );
});

describe("addDays", () => {
  it("crosses month, year and leap-day boundaries", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
  });
});

describe("startOfLocalDay in Europe/Rome", () => {
  it("is 23:00 UTC the day before in winter", () => {
    expect(startOfLocalDay("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
  });

  it("is 22:00 UTC the day before in summer", () => {
    expect(startOfLocalDay("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
  });

  it("uses winter time on the day clocks move forward", () => {
    // 2026-03-29: 02:00 CET becomes 03:00 CEST, after midnight.
    expect(startOfLocalDay("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfLocalDay("2026-03-30").toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });

  it("uses summer time on the day clocks move back", () => {
    // 2026-10-25: 03:00 CEST becomes 02:00 CET.
    expect(startOfLocalDay("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(startOfLocalDay("2026-10-26").toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });
});

describe("resolvePeriod", () => {
  it("covers whole local days, both ends included", () => {
    const period = resolvePeriod({ from: "2026-11-01", to: "2026-11-30" });

    expect(period.start.toISOString()).toBe("2026-10-31T23:00:00.000Z");
    expect(period.end.toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(period.days).toBe(30);
  });

  it("has 23 hours on the spring DST day and 25 on the autumn one", () => {
    const spring = resolvePeriod({ from: "2026-03-29", to: "2026-03-29" });
    const autumn = resolvePeriod({ from: "2026-10-25", to: "2026-10-25" });

    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3_600_000);
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
  });

  it("accepts a single day", () => {
    expect(resolvePeriod({ from: "2026-05-05", to: "2026-05-05" }).days).toBe(1);
  });

  it("counts the leap day in February 2028", () => {
    expect(resolvePeriod({ from: "2028-02-01", to: "2028-02-29" }).days).toBe(29);
  });

  it("rejects an end before the start", () => {
    const error = errorOf(() => resolvePeriod({ from: "2026-11-30", to: "2026-11-01" }));

    expect(error.code).toBe("VALIDATION");
    expect(error.messageKey).toBe("reports.periodReversed");
  });

  it("accepts 366 days and rejects 367", () => {
    expect(resolvePeriod({ from: "2027-03-01", to: "2028-02-29" }).days).toBe(366);
    const error = errorOf(() => resolvePeriod({ from: "2026-01-01", to: "2027-01-02" }));

    expect(error.messageKey).toBe("reports.periodTooLong");
    expect(error.values).toEqual({ days: 367, max: 366 });
  });

  it("rejects an impossible date and names the field", () => {
    const error = errorOf(() => resolvePeriod({ from: "2026-02-30", to: "2026-03-01" }));

    expect(error.messageKey).toBe("reports.invalidDate");
    expect(error.fields[0].field).toBe("from");
  });
});

describe("localDateOf", () => {
  it("puts 00:30 local on the 1st into that day, not the previous month", () => {
    // 2026-12-01 00:30 in Rome is 2026-11-30 23:30 UTC.
    const instant = new Date("2026-11-30T23:30:00Z");

    expect(localDateOf(instant)).toBe("2026-12-01");
    expect(bucketKeyOf(instant, "month")).toBe("2026-12");
  });

  it("puts 23:30 local on the last day into that month", () => {
    expect(bucketKeyOf(new Date("2026-08-31T21:30:00Z"), "month")).toBe("2026-08");
  });

  it("reads the repeated hour of the autumn DST change as the same day", () => {
    expect(localDateOf(new Date("2026-10-25T00:30:00Z"))).toBe("2026-10-25");
    expect(localDateOf(new Date("2026-10-25T01:30:00Z"))).toBe("2026-10-25");
  });
});

describe("isoWeek", () => {
  it.each([
    ["2026-01-01", 2026, 1],
    ["2026-12-31", 2026, 53],
    ["2027-01-03", 2026, 53],
    ["2027-01-04", 2027, 1],
    ["2024-12-30", 2025, 1],
    ["2021-01-03", 2020, 53],
    ["2026-11-30", 2026, 49],
    ["2028-02-29", 2028, 9],
  ])("%s is week %i-%i", (date, year, week) => {
    expect(isoWeek(date)).toEqual({ year, week });
  });

  it("starts weeks on Monday", () => {
    expect(bucketKey("2026-11-29", "week")).toBe("2026-W48");
    expect(bucketKey("2026-11-30", "week")).toBe("2026-W49");
  });
});

describe("bucketsOf", () => {
  it("lists every day of a month, including empty ones", () => {
    const buckets = bucketsOf({ from: "2028-02-01", to: "2028-02-29" }, "day");

    expect(buckets).toHaveLength(29);
    expect(buckets.at(-1)).toEqual({ key: "2028-02-29", firstDate: "2028-02-29" });
  });

  it("lists weeks across a year end with week 53", () => {
    const buckets = bucketsOf({ from: "2026-12-20", to: "2027-01-10" }, "week");

    expect(buckets.map((bucket) => bucket.key)).toEqual([
      "2026-W51",
      "2026-W52",
      "2026-W53",
      "2027-W01",
    ]);
    expect(buckets[0].firstDate).toBe("2026-12-20");
  });

  it("lists months with partial ends", () => {
    const buckets = bucketsOf({ from: "2026-01-31", to: "2026-03-01" }, "month");

    expect(buckets).toEqual([
      { key: "2026-01", firstDate: "2026-01-31" },
      { key: "2026-02", firstDate: "2026-02-01" },
      { key: "2026-03", firstDate: "2026-03-01" },
    ]);
  });
});

describe("defaultGranularity", () => {
  it.each([
    [1, "day"],
    [31, "day"],
    [32, "week"],
    [183, "week"],
    [184, "month"],
    [366, "month"],
  ])("%i days use %s", (days, granularity) => {
    expect(defaultGranularity(days)).toBe(granularity);
  });
});
