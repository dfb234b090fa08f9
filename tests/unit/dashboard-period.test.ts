import { describe, expect, it } from "vitest";

import {
  bucketDates,
  bucketEnd,
  bucketStart,
  bucketStarts,
  monthNumber,
  parseDashboardQuery,
  percentChange,
  splitIntoMonths,
} from "@/lib/domain/dashboard-period";
import { bucketKey, localDateOf } from "@/lib/domain/periods";
import { AppError } from "@/lib/errors";

const TODAY = "2026-12-04";

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("parseDashboardQuery", () => {
  it("returns the period and the previous one of the same length", () => {
    const query = parseDashboardQuery(
      { from: "2026-11-01", to: "2026-11-30", granularity: "week" },
      TODAY,
    );

    expect(query.granularity).toBe("week");
    expect(query.period.days).toBe(30);
    expect(query.previous.from).toBe("2026-10-02");
    expect(query.previous.to).toBe("2026-10-31");
  });

  it("starts the period at local midnight", () => {
    const query = parseDashboardQuery({ from: "2026-07-01", to: "2026-07-31" }, TODAY);

    expect(query.period.start.toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(query.granularity).toBe("day");
  });

  it.each([
    [{ from: "", to: "2026-11-30" }, "dashboard.dateMissing", "from"],
    [{ to: "2026-11-30" }, "dashboard.dateMissing", "from"],
    [{ from: "2026-11-01", to: "2026-02-30" }, "dashboard.invalidDate", "to"],
    [{ from: "2026-11-30", to: "2026-11-01" }, "dashboard.periodReversed", "to"],
    [{ from: "2026-12-05", to: "2026-12-31" }, "dashboard.periodInFuture", "from"],
    [{ from: "2025-01-01", to: "2026-01-02" }, "dashboard.periodTooLong", "to"],
    [
      { from: "2026-11-01", to: "2026-11-30", granularity: "quarter" },
      "dashboard.unknownGranularity",
      "granularity",
    ],
  ])("rejects %j with %s", (input, message, field) => {
    const error = errorOf(() => parseDashboardQuery(input, TODAY));

    expect(error.code).toBe("VALIDATION");
    expect(error.messageKey).toBe(message);
    expect(error.fields[0].field).toBe(field);
  });

  it("accepts a leap year of 366 days and a period ending after today", () => {
    expect(
      parseDashboardQuery({ from: "2028-01-01", to: "2028-12-31" }, "2029-01-01").period.days,
    ).toBe(366);
    expect(parseDashboardQuery({ from: "2026-12-01", to: "2026-12-31" }, TODAY).period.days).toBe(
      31,
    );
  });
});

describe("bucketStart", () => {
  it("starts ISO weeks on Monday, also across a year end", () => {
    expect(bucketStart("2026-12-06", "week")).toBe("2026-11-30");
    expect(bucketStart("2026-11-30", "week")).toBe("2026-11-30");
    expect(bucketStart("2027-01-01", "week")).toBe("2026-12-28");
  });

  it("keeps the days of ISO week 53 in one bucket", () => {
    // 2026 has 53 ISO weeks: week 53 runs from Monday 28 December 2026 to Sunday 3 January 2027.
    expect(bucketKey("2026-12-28", "week")).toBe("2026-W53");
    expect(bucketKey("2027-01-03", "week")).toBe("2026-W53");
    expect(bucketStart("2027-01-03", "week")).toBe("2026-12-28");
    expect(bucketEnd("2026-12-28", "week")).toBe("2027-01-03");
  });

  it("ends months on their last day, including the leap day", () => {
    expect(bucketStart("2028-02-29", "month")).toBe("2028-02-01");
    expect(bucketEnd("2028-02-01", "month")).toBe("2028-02-29");
    expect(bucketEnd("2026-02-01", "month")).toBe("2026-02-28");
    expect(bucketEnd("2026-12-01", "month")).toBe("2026-12-31");
    expect(bucketEnd("2026-04-01", "month")).toBe("2026-04-30");
  });
});

describe("bucketStarts", () => {
  it("lists partial weeks at both ends", () => {
    expect(bucketStarts({ from: "2026-12-24", to: "2027-01-05" }, "week")).toEqual([
      "2026-12-21",
      "2026-12-28",
      "2027-01-04",
    ]);
  });

  it("lists each day of a leap February", () => {
    const days = bucketStarts({ from: "2028-02-27", to: "2028-03-01" }, "day");

    expect(days).toEqual(["2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01"]);
  });

  it("lists months across a year end", () => {
    expect(bucketStarts({ from: "2026-11-15", to: "2027-02-01" }, "month")).toEqual([
      "2026-11-01",
      "2026-12-01",
      "2027-01-01",
      "2027-02-01",
    ]);
  });
});

describe("bucketDates", () => {
  it("clips the first and last bucket to the period", () => {
    const period = { from: "2026-11-04", to: "2026-11-25" };

    expect(bucketDates("2026-11-02", "week", period)).toEqual({
      from: "2026-11-04",
      to: "2026-11-08",
    });
    expect(bucketDates("2026-11-01", "month", period)).toEqual(period);
    expect(bucketDates("2026-11-09", "week", period)).toEqual({
      from: "2026-11-09",
      to: "2026-11-15",
    });
  });
});

describe("local days of DST changes", () => {
  it("has 23 hours on the spring day and 25 on the autumn day", () => {
    // Local midnights in UTC: the spring day starts at 23:00 UTC and ends at 22:00 UTC.
    expect(localDateOf(new Date("2026-03-28T23:00:00Z"))).toBe("2026-03-29");
    expect(localDateOf(new Date("2026-03-29T21:59:59Z"))).toBe("2026-03-29");
    expect(localDateOf(new Date("2026-03-29T22:00:00Z"))).toBe("2026-03-30");
    // The autumn day starts at 22:00 UTC and ends at 23:00 UTC.
    expect(localDateOf(new Date("2026-10-24T22:00:00Z"))).toBe("2026-10-25");
    expect(localDateOf(new Date("2026-10-25T22:59:59Z"))).toBe("2026-10-25");
    expect(localDateOf(new Date("2026-10-25T23:00:00Z"))).toBe("2026-10-26");
  });
});

describe("splitIntoMonths", () => {
  it("keeps whole months whole", () => {
    expect(splitIntoMonths({ from: "2025-12-01", to: "2026-11-30" })).toEqual({
      whole: { first: "2025-12-01", last: "2026-11-01" },
      partial: [],
    });
  });

  it("cuts partial months, leap day included", () => {
    expect(splitIntoMonths({ from: "2023-12-05", to: "2024-02-29" })).toEqual({
      whole: { first: "2024-01-01", last: "2024-02-01" },
      partial: [{ month: "2023-12-01", fromDay: 5, toDay: 31 }],
    });
    expect(splitIntoMonths({ from: "2024-01-20", to: "2024-02-10" })).toEqual({
      whole: null,
      partial: [
        { month: "2024-01-01", fromDay: 20, toDay: 31 },
        { month: "2024-02-01", fromDay: 1, toDay: 10 },
      ],
    });
  });

  it("returns one part within a month", () => {
    expect(splitIntoMonths({ from: "2026-02-03", to: "2026-02-03" })).toEqual({
      whole: null,
      partial: [{ month: "2026-02-01", fromDay: 3, toDay: 3 }],
    });
  });
});

describe("monthNumber", () => {
  it("counts across the year end", () => {
    expect(monthNumber("2026-01-01") - monthNumber("2025-12-01")).toBe(1);
    expect(monthNumber("2026-11-30") - monthNumber("2025-12-01")).toBe(11);
  });
});

describe("percentChange", () => {
  it("returns the signed change and null without a previous value", () => {
    expect(percentChange(150, 100)).toBe(50);
    expect(percentChange(50, 100)).toBe(-50);
    expect(percentChange(10, 0)).toBeNull();
  });
});
