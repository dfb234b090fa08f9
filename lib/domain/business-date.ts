// Calendar days of the business time zone (Europe/Rome) and the instants where they begin, so a
// period typed as 01/11/2026–30/11/2026 covers exactly the sessions of those Italian days.
import { BUSINESS_TIME_ZONE } from "@/lib/i18n/config";

export interface CalendarDate {
  year: number;
  // 1 to 12.
  month: number;
  day: number;
}

const ITALIAN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const localParts = new Intl.DateTimeFormat("en-US", {
  timeZone: BUSINESS_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/**
 * Parses a date typed as dd/mm/yyyy (also with `-` or `.` between the parts) or as yyyy-mm-dd.
 * Returns null for anything else, including days that do not exist such as 31/02/2026.
 */
export function parseCalendarDate(text: string): CalendarDate | null {
  const value = text.trim();
  const italian = ITALIAN_DATE.exec(value);
  const iso = ISO_DATE.exec(value);
  let date: CalendarDate;
  if (italian) {
    date = { year: Number(italian[3]), month: Number(italian[2]), day: Number(italian[1]) };
  } else if (iso) {
    date = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  } else {
    return null;
  }

  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  const exists =
    check.getUTCFullYear() === date.year &&
    check.getUTCMonth() === date.month - 1 &&
    check.getUTCDate() === date.day;

  return exists ? date : null;
}

/** Formats a calendar date as dd/mm/yyyy. */
export function formatCalendarDate(date: CalendarDate): string {
  const pad = (value: number) => String(value).padStart(2, "0");

  return `${pad(date.day)}/${pad(date.month)}/${date.year}`;
}

/** Returns the calendar date `days` after `date` (negative for before). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));

  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/** Returns -1, 0 or 1 as `a` is before, equal to or after `b`. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  const difference = a.year - b.year || a.month - b.month || a.day - b.day;

  return Math.sign(difference);
}

/** Returns the business-time-zone calendar date of an instant. */
export function businessDateOf(instant: Date): CalendarDate {
  const parts = partsAt(instant);

  return { year: parts.year, month: parts.month, day: parts.day };
}

/**
 * Returns the instant at which `date` begins in the business time zone. Midnight always exists
 * there, because Italy changes to and from summer time at 02:00 and 03:00.
 */
export function startOfBusinessDay(date: CalendarDate): Date {
  const wallClock = Date.UTC(date.year, date.month - 1, date.day);
  // The offset at the guess can differ from the offset at midnight when a change of summer time
  // lies between them, so it is measured a second time at the corrected instant.
  let instant = wallClock - offsetAt(new Date(wallClock));
  instant = wallClock - offsetAt(new Date(instant));

  return new Date(instant);
}

/** Returns the first and last day of the month that contains `now` in the business time zone. */
export function monthOf(now: Date): { first: CalendarDate; last: CalendarDate } {
  const today = businessDateOf(now);
  const first = { year: today.year, month: today.month, day: 1 };
  const nextMonth = addDays({ ...first, day: 28 }, 4);
  const last = addDays({ year: nextMonth.year, month: nextMonth.month, day: 1 }, -1);

  return { first, last };
}

// Milliseconds the business time zone is ahead of UTC at `instant`.
function offsetAt(instant: Date): number {
  const parts = partsAt(instant);
  const asUtc = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );

  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

function partsAt(instant: Date) {
  const values: Record<string, number> = {};
  for (const part of localParts.formatToParts(instant)) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }

  return {
    year: values.year,
    month: values.month,
    day: values.day,
    hour: values.hour,
    minute: values.minute,
    second: values.second,
  };
}
