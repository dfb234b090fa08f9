// Balance reads of the REST API, which the remote-control tool requests before every session. Each
// is one statement on the plain `pg` pool, which took about half the time of Prisma's $queryRaw
// for the same point read (docs/benchmarks.md).
// NOTE: the statements are unnamed on purpose. The embedded database's socket server runs every
// connection in one PostgreSQL session, so a named prepared statement of one connection makes the
// same name fail on any other with "prepared statement already exists".
import type { Pool } from "pg";

import type { BalanceRow } from "./balance-lookup";

// The columns of balanceSelect, as SQL.
export const BALANCE_COLUMNS = `"id", "code", "name", "billingMode", "balanceMinutes",
  "lowBalanceThreshold", "lowBalanceKind", "lastTopUpMinutes", "active"`;

/** Returns the balance columns of the customer whose code is `code`, or null. */
export async function findBalanceByCode(pool: Pool, code: string): Promise<BalanceRow | null> {
  const result = await pool.query<BalanceRow>(
    `SELECT ${BALANCE_COLUMNS} FROM "Customer" WHERE "code" = $1`,
    [code],
  );

  return result.rows[0] ?? null;
}

/**
 * Returns the balance columns of the one customer that registered any of `remoteIds` under any
 * device kind, or null when none or several customers did (the rule of customerOfDevices).
 */
export async function findBalanceByDevice(
  pool: Pool,
  remoteIds: string[],
): Promise<BalanceRow | null> {
  if (remoteIds.length === 0) return null;

  const result = await pool.query<BalanceRow>(
    `SELECT ${BALANCE_COLUMNS} FROM "Customer"
     WHERE "id" = (
       SELECT MIN("customerId") FROM "Device" WHERE "remoteId" = ANY($1::text[])
       HAVING COUNT(DISTINCT "customerId") = 1
     )`,
    [remoteIds],
  );

  return result.rows[0] ?? null;
}
