// Report periods and chart buckets. A period is a pair of calendar dates, both included, read in
// the business time zone: it covers [midnight of `from`, midnight of the day after `to`).
// Calendar dates are ISO strings (yyyy-mm-dd). Date arithmetic uses UTC midnights, because a
// calendar date has no time zone of its own.
import { AppError } from "@/lib/errors";
import { BUSINESS_TIME_ZONE } from "@/lib/i18n/config";

// A year including a leap day, so "the same day last year to today" always fits.
export const MAX_PERIOD_DAYS = 366;

export const GRANULARITIES = ["day", "week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export interface Period {
  from: string;
  to: string;
  // First instant of `from` and first instant after `to`, in the business time zone.
  start: Date;
  end: Date;
  days: number;
}

export interface Bucket {
  key: string;
  // First calendar date of the bucket that lies inside the period.
  firstDate: string;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses yyyy-mm-dd into a UTC midnight, or returns null for a malformed or impossible date. */
export function parseCalendarDate(text: string): Date | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;

  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const roundTrips =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;

  return roundTrips ? date : null;
}

function toCalendarDate(utcMidnight: Date): string {
  return utcMidnight.toISOString().slice(0, 10);
}

/** Adds whole days to a calendar date. */
export function addDays(date: string, days: number): string {
  const parsed = requireDate(date, "date");

  return toCalendarDate(new Date(parsed.getTime() + days * DAY_MS));
}

function requireDate(text: string, field: string): Date {
  const date = parseCalendarDate(text);
  if (!date) {
    throw new AppError("VALIDATION", "reports.invalidDate", {
      values: { value: text },
      fields: [{ field, message: "reports.invalidDate", values: { value: text } }],
    });
  }

  return date;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormats.set(timeZone, format);
  }

  return format;
}

// Wall-clock time in `timeZone` at `instant`, expressed as if it were UTC.
function wallClockAsUtc(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );

  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/** Returns the calendar date (yyyy-mm-dd) of `instant` in `timeZone`. */
export function localDateOf(instant: Date, timeZone = BUSINESS_TIME_ZONE): string {
  return new Date(wallClockAsUtc(instant, timeZone)).toISOString().slice(0, 10);
}

/**
 * Returns the first instant of the calendar date in `timeZone`. The UTC offset is read twice
 * because the offset at the UTC guess can differ from the one at local midnight on DST days.
 */
export function startOfLocalDay(date: string, timeZone = BUSINESS_TIME_ZONE): Date {
  const guess = requireDate(date, "date").getTime();
  const firstOffset = wallClockAsUtc(new Date(guess), timeZone) - guess;
  const candidate = guess - firstOffset;
  const secondOffset = wallClockAsUtc(new Date(candidate), timeZone) - candidate;

  return new Date(guess - secondOffset);
}

/**
 * Validates a period and returns its instants. Throws VALIDATION with `reports.invalidDate`,
 * `reports.periodReversed` (to before from) or `reports.periodTooLong` (over `maxDays`).
 */
export function resolvePeriod(
  input: { from: string; to: string },
  options: { maxDays?: number; timeZone?: string } = {},
): Period {
  const maxDays = options.maxDays ?? MAX_PERIOD_DAYS;
  const from = requireDate(input.from, "from");
  const to = requireDate(input.to, "to");

  if (to < from) {
    throw new AppError("VALIDATION", "reports.periodReversed", {
      values: { from: input.from, to: input.to },
      fields: [{ field: "to", message: "reports.periodReversed" }],
    });
  }

  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS) + 1;
  if (days > maxDays) {
    throw new AppError("VALIDATION", "reports.periodTooLong", {
      values: { days, max: maxDays },
      fields: [{ field: "to", message: "reports.periodTooLong", values: { days, max: maxDays } }],
    });
  }

  const timeZone = options.timeZone ?? BUSINESS_TIME_ZONE;

  return {
    from: input.from,
    to: input.to,
    start: startOfLocalDay(input.from, timeZone),
    end: startOfLocalDay(addDays(input.to, 1), timeZone),
    days,
  };
}

/** Picks the chart granularity that gives a readable number of bars for a period's length. */
export function defaultGranularity(days: number): Granularity {
  if (days <= 31) return "day";
  if (days <= 183) return "week";

  return "month";
}

/** Returns the ISO 8601 week (Monday start) of a calendar date. Its year can differ from the date's. */
export function isoWeek(date: string): { year: number; week: number } {
  const utc = requireDate(date, "date");
  // Monday = 0 … Sunday = 6.
  const weekday = (utc.getUTCDay() + 6) % 7;
  // The Thursday of the same week decides the ISO year.
  const thursday = new Date(utc.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstWeekThursday = new Date(
    firstThursday.getTime() + (3 - ((firstThursday.getUTCDay() + 6) % 7)) * DAY_MS,
  );
  const week = Math.round((thursday.getTime() - firstWeekThursday.getTime()) / (7 * DAY_MS)) + 1;

  return { year, week };
}

/** Returns the bucket key of a calendar date: 2026-11-30, 2026-W49 or 2026-11. */
export function bucketKey(date: string, granularity: Granularity): string {
  if (granularity === "day") return date;
  if (granularity === "month") return date.slice(0, 7);

  const { year, week } = isoWeek(date);

  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Returns the bucket key of an instant, read in the business time zone. */
export function bucketKeyOf(
  instant: Date,
  granularity: Granularity,
  timeZone = BUSINESS_TIME_ZONE,
): string {
  return bucketKey(localDateOf(instant, timeZone), granularity);
}

/** Lists every bucket that overlaps the period, in order, including empty ones. */
export function bucketsOf(period: Pick<Period, "from" | "to">, granularity: Granularity): Bucket[] {
  const buckets: Bucket[] = [];
  let previousKey = "";

  for (let date = period.from; date <= period.to; date = addDays(date, 1)) {
    const key = bucketKey(date, granularity);
    if (key !== previousKey) buckets.push({ key, firstDate: date });
    previousKey = key;
  }

  return buckets;
}
