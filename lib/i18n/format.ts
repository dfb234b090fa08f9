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
