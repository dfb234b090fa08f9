// Document numbers that follow dates across all customers: contract numbers ("2026/014") and
// invoice references ("FT 2026/0123"), each counted per calendar year.
import { type Random } from "@/lib/domain/random";

import { dayOfInstant, dayFromParts, partsOfDay } from "./calendar";
import type { CustomerPlan, PlannedEntry } from "./plan";

/** Numbers every contract in order of start date. Numbers skip a few, as others are not shown. */
export function numberContracts(random: Random, customers: readonly CustomerPlan[]): void {
  const contracts = customers
    .flatMap((customer) => customer.contracts)
    .sort((a, b) => a.startsOn - b.startsOn);
  const lastNumberByYear = new Map<number, number>();

  for (const contract of contracts) {
    const { year } = partsOfDay(contract.startsOn);
    const number = (lastNumberByYear.get(year) ?? 0) + random.integer(1, 3);
    lastNumberByYear.set(year, number);
    contract.number = `${year}/${String(number).padStart(3, "0")}`;
  }
}

/**
 * Gives every invoiced entry an invoice reference in order of time. The company issues other
 * invoices too, so numbers advance by one to five, and the first year's count starts where a
 * steady rate would have brought it by the period start.
 */
export function numberInvoices(
  random: Random,
  ledgers: readonly { code: string; entries: readonly PlannedEntry[] }[],
): void {
  const invoiced = ledgers
    .flatMap(({ code, entries }) =>
      entries.filter((entry) => entry.invoiced).map((entry) => ({ code, entry })),
    )
    .sort(
      (a, b) =>
        a.entry.occurredAt.getTime() - b.entry.occurredAt.getTime() || compareText(a.code, b.code),
    );
  const lastNumberByYear = new Map<number, number>();

  for (const [index, { entry }] of invoiced.entries()) {
    const day = dayOfInstant(entry.occurredAt);
    const { year } = partsOfDay(day);
    if (index === 0) {
      const dayOfYear = day - dayFromParts({ year, month: 1, day: 1 });
      lastNumberByYear.set(year, dayOfYear * 4);
    }

    const number = (lastNumberByYear.get(year) ?? 0) + random.integer(1, 5);
    lastNumberByYear.set(year, number);
    entry.invoiceReference = `FT ${year}/${String(number).padStart(4, "0")}`;
  }
}

// Locale-independent, so the order is the same on every machine.
function compareText(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;

  return 0;
}
