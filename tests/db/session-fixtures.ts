// Data builders shared by the sessions tests.
import { PrismaPg } from "@prisma/adapter-pg";
import { inject } from "vitest";

import type { Db } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/client";
import { recordLedgerEntry } from "@/lib/db/ledger";

import { testDb } from "./helpers";

let singleConnection: Db | null = null;

/**
 * Returns the client for many concurrent calls: the shared test client on PostgreSQL, and a
 * client with one connection on the embedded database.
 *
 * NOTE: pglite-socket 0.2.17 runs the protocol messages of all connections on one PGlite session
 * and keeps them apart only inside transactions. Many concurrent queries outside transactions then
 * mix up their unnamed prepared statements ("bind message supplies 3 parameters, but prepared
 * statement requires 5") and some connections hang. One connection avoids the mix-up.
 */
export function concurrencyDb(): Db {
  if (process.env.TEST_DATABASE_URL) return testDb();

  singleConnection ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: inject("databaseUrl"), max: 1 }),
  });

  return singleConnection;
}

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

// The server time the tests run at: after every session they create, and within a day of their
// starts, because a session that started over a day ago can no longer run.
export const NOW = new Date(Date.UTC(2026, 4, 15, 8, 0, 0));
