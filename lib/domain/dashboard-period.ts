// Period, granularity and buckets of the dashboard. Calendar dates are yyyy-mm-dd in the business
// time zone. A bucket is named by its first calendar date: the day, the Monday of its ISO week, or
// the first of its month. That is what date_trunc returns for the same date in SQL.
import { AppError } from "@/lib/errors";

import {
  addDays,
  GRANULARITIES,
  type Granularity,
  parseCalendarDate,
  type Period,
  resolvePeriod,
} from "./periods";

// A year including a leap day: a full year of days still fits, and a query stays small.
export const MAX_DASHBOARD_DAYS = 366;

export interface DashboardQuery {
  period: Period;
  granularity: Granularity;
  // The period of the same length that ends the day before `period` starts.
  previous: Period;
}

export interface DashboardInput {
  from?: string;
  to?: string;
  granularity?: string;
}

/**
 * Validates the dashboard's URL parameters against `today` (a business-time-zone date). Throws a
 * VALIDATION AppError with a key under `errors.dashboard` for a missing or invalid date, an end
 * before the start, a period that starts after today, a period over MAX_DASHBOARD_DAYS days, and
 * an unknown granularity.
 */
export function parseDashboardQuery(input: DashboardInput, today: string): DashboardQuery {
  const from = requireDate("from", input.from);
  const to = requireDate("to", input.to);
  const granularity = input.granularity ?? "day";
  if (!(GRANULARITIES as readonly string[]).includes(granularity)) {
    throw invalid("granularity", "dashboard.unknownGranularity", { value: granularity });
  }
  if (to < from) {
    throw invalid("to", "dashboard.periodReversed", { from: shown(from), to: shown(to) });
  }
  if (from > today) {
    throw invalid("from", "dashboard.periodInFuture", { from: shown(from), today: shown(today) });
  }

  const days = daysBetween(from, to) + 1;
  if (days > MAX_DASHBOARD_DAYS) {
    throw invalid("to", "dashboard.periodTooLong", { days, max: MAX_DASHBOARD_DAYS });
  }

  const period = resolvePeriod({ from, to }, { maxDays: MAX_DASHBOARD_DAYS });
  const previousTo = addDays(from, -1);
  const previous = resolvePeriod(
    { from: addDays(previousTo, 1 - days), to: previousTo },
    { maxDays: MAX_DASHBOARD_DAYS },
  );

  return { period, granularity: granularity as Granularity, previous };
}

/** Returns the period shown when the URL has none: the last 91 days up to today, by week. */
export function defaultDashboardInput(today: string): Required<DashboardInput> {
  return { from: addDays(today, -90), to: today, granularity: "week" };
}

/** Returns the first date of the bucket that contains `date`: the date, its Monday, or the 1st. */
export function bucketStart(date: string, granularity: Granularity): string {
  if (granularity === "day") return date;
  if (granularity === "month") return `${date.slice(0, 8)}01`;

  const weekday = (utcDay(date) + 6) % 7;

  return addDays(date, -weekday);
}

/** Returns the last date of the bucket that starts on `start`. */
export function bucketEnd(start: string, granularity: Granularity): string {
  if (granularity === "day") return start;
  if (granularity === "week") return addDays(start, 6);

  return addDays(bucketStart(addDays(start, 31), "month"), -1);
}

export interface MonthSplit {
  // The first days of the first and last whole months inside the period, or null when none is.
  whole: { first: string; last: string } | null;
  // The months the period covers only in part: their first day and the days of it inside.
  partial: { month: string; fromDay: number; toDay: number }[];
}

/** Splits the period into its whole months and the parts of at most two others. */
export function splitIntoMonths(period: { from: string; to: string }): MonthSplit {
  const split: MonthSplit = { whole: null, partial: [] };
  for (
    let month = bucketStart(period.from, "month");
    month <= period.to;
    month = addDays(bucketEnd(month, "month"), 1)
  ) {
    const end = bucketEnd(month, "month");
    const from = period.from > month ? period.from : month;
    const to = period.to < end ? period.to : end;
    if (from === month && to === end) {
      split.whole = { first: split.whole?.first ?? month, last: month };
    } else {
      split.partial.push({ month, fromDay: dayOfMonth(from), toDay: dayOfMonth(to) });
    }
  }

  return split;
}

/** Numbers months consecutively: January 2026 is one more than December 2025. */
export function monthNumber(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function dayOfMonth(date: string): number {
  return Number(date.slice(8, 10));
}

/** Lists the first date of every bucket that overlaps the period, in order. */
export function bucketStarts(period: { from: string; to: string }, granularity: Granularity) {
  const starts: string[] = [];
  for (
    let start = bucketStart(period.from, granularity);
    start <= period.to;
    start = addDays(bucketEnd(start, granularity), 1)
  ) {
    starts.push(start);
  }

  return starts;
}

/**
 * Returns the dates of the bucket that lie inside the period, so a drill-down into the first or
 * last bucket shows only the sessions the chart counted.
 */
export function bucketDates(
  start: string,
  granularity: Granularity,
  period: { from: string; to: string },
): { from: string; to: string } {
  const end = bucketEnd(start, granularity);

  return {
    from: start < period.from ? period.from : start,
    to: end > period.to ? period.to : end,
  };
}

/** Returns the change from `previous` to `current` in percent, or null when `previous` is 0. */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null;

  return ((current - previous) / Math.abs(previous)) * 100;
}

function requireDate(field: string, text: string | undefined): string {
  if (!text || !text.trim()) throw invalid(field, "dashboard.dateMissing", {});
  if (!parseCalendarDate(text)) throw invalid(field, "dashboard.invalidDate", { value: text });

  return text;
}

function invalid(field: string, message: string, values: Record<string, string | number>) {
  return new AppError("VALIDATION", message, { values, fields: [{ field, message, values }] });
}

// dd/mm/yyyy, as dates appear everywhere else in the interface.
function shown(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

function utcDay(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);

  return Math.round(ms / 86_400_000);
}
