// A calendar month of the business time zone, written yyyy-mm, as postpaid customers are billed.
import { addDays, businessDateOf, startOfBusinessDay } from "./business-date";

export interface BillingMonth {
  key: string;
  year: number;
  month: number;
  // First instant of the month and first instant of the next one, in the business time zone.
  start: Date;
  end: Date;
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Parses yyyy-mm into its bounds, or returns null for anything else. */
export function parseBillingMonth(key: string): BillingMonth | null {
  const match = MONTH_KEY.exec(key);
  if (!match) return null;

  const year = Number(match[1]);
  const month = Number(match[2]);
  const next = addDays({ year, month, day: 28 }, 4);

  return {
    key,
    year,
    month,
    start: startOfBusinessDay({ year, month, day: 1 }),
    end: startOfBusinessDay({ year: next.year, month: next.month, day: 1 }),
  };
}

/** Returns the key of the month before the one that contains `now` in the business time zone. */
export function previousMonthKey(now: Date): string {
  const today = businessDateOf(now);
  const lastMonth = addDays({ year: today.year, month: today.month, day: 1 }, -1);

  return `${lastMonth.year}-${String(lastMonth.month).padStart(2, "0")}`;
}

/** Returns the idempotency key of the postpaid billing of one customer for one month. */
export function postpaidBillingKey(customerId: string, monthKey: string): string {
  return `postpaid:${customerId}:${monthKey}`;
}
