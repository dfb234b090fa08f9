// Data builders shared by the sessions tests.
import { recordLedgerEntry } from "@/lib/db/ledger";

import { testDb } from "./helpers";

/** Adds `minutes` of prepaid credit to a customer. */
export async function topUp(customerId: string, minutes: number) {
  return recordLedgerEntry(testDb(), {
    customerId,
    authorId: null,
    entry: { kind: "TOP_UP", minutes },
  });
}

export async function balanceOf(customerId: string): Promise<number> {
  const customer = await testDb().customer.findUniqueOrThrow({ where: { id: customerId } });

  return customer.balanceMinutes;
}

export async function ledgerSum(customerId: string): Promise<number> {
  const result = await testDb().ledgerEntry.aggregate({
    where: { customerId },
    _sum: { minutes: true },
  });

  return result._sum.minutes ?? 0;
}

export async function sessionEntries(customerId: string) {
  return testDb().ledgerEntry.findMany({
    where: { customerId, kind: "SESSION" },
    orderBy: { sequence: "asc" },
  });
}

/** Returns an instant `minutes` after 10:00 UTC on 14 May 2026, a day in the tests' past. */
export function at(minutes: number, seconds = 0): Date {
  return new Date(Date.UTC(2026, 4, 14, 10, minutes, seconds));
}

// The server time the tests run at: after every session they create.
export const NOW = new Date(Date.UTC(2026, 4, 15, 12, 0, 0));
