// Numbers and dates follow Italian conventions in both languages (1.234,5 and dd/mm/yyyy), as
// on the invoices the statements are attached to, and times are shown in the business time zone.
import { BUSINESS_TIME_ZONE } from "./config";

const FORMAT_LOCALE = "it-IT";

const integerFormat = new Intl.NumberFormat(FORMAT_LOCALE, {
  maximumFractionDigits: 0,
  useGrouping: true,
});
const decimalFormat = new Intl.NumberFormat(FORMAT_LOCALE, {
  maximumFractionDigits: 1,
  useGrouping: true,
});
const dateFormat = new Intl.DateTimeFormat(FORMAT_LOCALE, {
  timeZone: BUSINESS_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const dateTimeFormat = new Intl.DateTimeFormat(FORMAT_LOCALE, {
  timeZone: BUSINESS_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** Formats a whole number with thousands separators, for example 1.234 or -15. */
export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

/** Formats whole minutes with thousands separators, for example 1.234 or -15. */
export function formatMinutes(minutes: number): string {
  return integerFormat.format(minutes);
}

/** Formats a number with at most one decimal, for example 1.234,5. */
export function formatDecimal(value: number): string {
  return decimalFormat.format(value);
}

/** Formats a signed change of minutes with an explicit plus sign, for example +60 or -15. */
export function formatSignedMinutes(minutes: number): string {
  return minutes > 0 ? `+${integerFormat.format(minutes)}` : integerFormat.format(minutes);
}

/** Formats the calendar date in the business time zone as dd/mm/yyyy. */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** Formats date and time in the business time zone as dd/mm/yyyy, hh:mm. */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

/** Formats a duration in whole seconds as h:mm:ss, for example 0:12:30 or 26:00:05. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  const pad = (value: number) => String(value).padStart(2, "0");

  return `${hours}:${pad(minutes)}:${pad(rest)}`;
}

const timeFormat = new Intl.DateTimeFormat(FORMAT_LOCALE, {
  timeZone: BUSINESS_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Formats the time of day in the business time zone as hh:mm:ss. */
export function formatTime(date: Date): string {
  return timeFormat.format(date);
}

/** Formats a calendar date written as yyyy-mm-dd (a period bound) as dd/mm/yyyy. */
export function formatCalendarDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");

  return `${day}/${month}/${year}`;
}
