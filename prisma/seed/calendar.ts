// Calendar arithmetic for demo data in the business time zone (Europe/Rome): calendar days,
// working days and local wall-clock times turned into UTC instants.

export const BUSINESS_TIME_ZONE = "Europe/Rome";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A calendar date as a count of days since 1970-01-01, so that date arithmetic is addition. */
export type Day = number;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Parses `YYYY-MM-DD` into a Day. Throws a RangeError for any other text or an invalid date. */
export function parseIsoDay(text: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`Invalid date "${text}": expected YYYY-MM-DD`);

  const [year, month, day] = match.slice(1).map(Number);
  const result = dayFromParts({ year, month, day });
  const parts = partsOfDay(result);
  if (parts.month !== month || parts.day !== day) {
    throw new RangeError(`Invalid date "${text}": no such day in the calendar`);
  }

  return result;
}

export function dayFromParts({ year, month, day }: DateParts): Day {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function partsOfDay(day: Day): DateParts {
  const date = new Date(day * DAY_MS);

  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function formatIsoDay(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Returns the day of the week, 0 for Sunday to 6 for Saturday. */
export function weekdayOf(day: Day): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

/** Adds whole months, keeping the day of the month or clamping it to the month's last day. */
export function addMonths(day: Day, months: number): Day {
  const parts = partsOfDay(day);
  const monthIndex = parts.year * 12 + (parts.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = partsOfDay(dayFromParts({ year, month: month + 1, day: 1 }) - 1).day;

  return dayFromParts({ year, month, day: Math.min(parts.day, lastDay) });
}

export function firstOfMonth(day: Day): Day {
  const parts = partsOfDay(day);

  return dayFromParts({ year: parts.year, month: parts.month, day: 1 });
}

/** Returns Easter Sunday of `year` in the Gregorian calendar (anonymous Gregorian algorithm). */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;

  return dayFromParts({ year, month, day });
}

// Italian national public holidays with a fixed date, as month-day. Easter Monday moves yearly.
const FIXED_HOLIDAYS = new Set([
  "01-01",
  "01-06",
  "04-25",
  "05-01",
  "06-02",
  "08-15",
  "11-01",
  "12-08",
  "12-25",
  "12-26",
]);

/** Returns whether `day` is Monday to Friday and not an Italian national public holiday. */
export function isWorkingDay(day: Day): boolean {
  const weekday = weekdayOf(day);
  if (weekday === 0 || weekday === 6) return false;

  const parts = partsOfDay(day);
  if (FIXED_HOLIDAYS.has(formatIsoDay(day).slice(5))) return false;

  return day !== easterSunday(parts.year) + 1;
}

/** Returns the `count`-th working day after `day` (count 0 returns `day` itself). */
export function addWorkingDays(day: Day, count: number): Day {
  let result = day;
  let remaining = count;

  while (remaining > 0) {
    result += 1;
    if (isWorkingDay(result)) remaining -= 1;
  }

  return result;
}

/** Returns the working days from `first` to `last`, both included. */
export function workingDaysBetween(first: Day, last: Day): Day[] {
  const days: Day[] = [];

  for (let day = first; day <= last; day += 1) {
    if (isWorkingDay(day)) days.push(day);
  }

  return days;
}

const offsetFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: BUSINESS_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
});

// The zone's UTC offset changes only on whole UTC hours, so one lookup per hour is enough.
const offsetCache = new Map<number, number>();

/** Returns the business time zone's offset from UTC, in milliseconds, at `instantMs`. */
function offsetAt(instantMs: number): number {
  const hour = Math.floor(instantMs / HOUR_MS);
  const cached = offsetCache.get(hour);
  if (cached !== undefined) return cached;

  const parts: Record<string, number> = {};
  for (const part of offsetFormat.formatToParts(new Date(hour * HOUR_MS))) {
    parts[part.type] = Number(part.value);
  }
  const wallClock = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  const offset = wallClock - hour * HOUR_MS;
  offsetCache.set(hour, offset);

  return offset;
}

/**
 * Returns the instant when the business time zone's clock shows `day` at `secondOfDay`.
 * A wall-clock time skipped by the spring change to summer time resolves to one hour later.
 */
export function localInstant(day: Day, secondOfDay: number): Date {
  const wallClock = day * DAY_MS + secondOfDay * 1000;
  // The offset depends on the instant being computed, so this takes two steps: a first guess with
  // the offset at the wall-clock time read as UTC, then the offset in force at that guess.
  const guess = wallClock - offsetAt(wallClock);

  return new Date(wallClock - offsetAt(guess));
}

/** Returns the calendar day shown by the business time zone's clock at `instant`. */
export function dayOfInstant(instant: Date): Day {
  const ms = instant.getTime();

  return Math.floor((ms + offsetAt(ms)) / DAY_MS);
}

/** Returns today's date in the business time zone as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return formatIsoDay(dayOfInstant(now));
}
