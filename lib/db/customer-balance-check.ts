// Compares each customer's cached balanceMinutes and lastTopUpMinutes with its ledger, and
// rewrites them from it. appendLedgerEntries keeps both exact, so a difference means a write that
// bypassed it.
import type { Db } from "./client";
import { Prisma } from "./generated/client";

export interface CustomerBalanceDifference {
  customerId: string;
  code: string;
  stored: { balanceMinutes: number; lastTopUpMinutes: number | null };
  expected: { balanceMinutes: number; lastTopUpMinutes: number | null };
}

// Every customer with its stored values and the ones its ledger gives: the sum of the entries,
// and the minutes of the newest TOP_UP with minutes > 0 that is neither a reversal nor reversed
// (the rule of last-top-up.ts). The unique index on reversesId allows one reversal per entry, so
// the join adds no rows.
const BALANCES_AGAINST_LEDGER = Prisma.sql`
  SELECT c."id", c."code", c."balanceMinutes", c."lastTopUpMinutes",
    COALESCE(l."sum", 0)::int AS "expectedBalance", l."lastTopUp" AS "expectedLastTopUp"
  FROM "Customer" c
  LEFT JOIN (
    SELECT e."customerId", SUM(e."minutes") AS "sum",
      (ARRAY_AGG(e."minutes" ORDER BY e."sequence" DESC) FILTER (
        WHERE e."kind" = 'TOP_UP' AND e."minutes" > 0 AND e."reversesId" IS NULL
          AND r."id" IS NULL
      ))[1] AS "lastTopUp"
    FROM "LedgerEntry" e LEFT JOIN "LedgerEntry" r ON r."reversesId" = e."id"
    GROUP BY e."customerId"
  ) l ON l."customerId" = c."id"`;

const DIFFERS = Prisma.sql`
  b."balanceMinutes" <> b."expectedBalance"
  OR b."lastTopUpMinutes" IS DISTINCT FROM b."expectedLastTopUp"`;

type ComparedRow = {
  id: string;
  code: string;
  balanceMinutes: number;
  lastTopUpMinutes: number | null;
  expectedBalance: number;
  expectedLastTopUp: number | null;
};

/**
 * Returns the customers whose balanceMinutes or lastTopUpMinutes differ from their ledger, by code.
 * It reads one snapshot (REPEATABLE READ), so concurrent writes do not show up as differences.
 */
export async function findCustomerBalanceDifferences(db: Db): Promise<CustomerBalanceDifference[]> {
  const rows = await db.$transaction(
    (tx) => tx.$queryRaw<ComparedRow[]>`
      SELECT * FROM (${BALANCES_AGAINST_LEDGER}) b WHERE ${DIFFERS} ORDER BY b."code"`,
    { isolationLevel: "RepeatableRead", timeout: 30 * 60_000 },
  );

  return rows.map((row) => ({
    customerId: row.id,
    code: row.code,
    stored: { balanceMinutes: row.balanceMinutes, lastTopUpMinutes: row.lastTopUpMinutes },
    expected: { balanceMinutes: row.expectedBalance, lastTopUpMinutes: row.expectedLastTopUp },
  }));
}

/**
 * Sets balanceMinutes and lastTopUpMinutes of every customer that differs from its ledger and
 * returns how many it changed. The EXCLUSIVE lock on "Customer" makes ledger writers wait at their
 * UPDATE of the customer, before they insert, so no entry commits between the sums and the write.
 * Reads of customers go on meanwhile.
 */
export async function rebuildCustomerBalances(db: Db): Promise<number> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE "Customer" IN EXCLUSIVE MODE`;

      return tx.$executeRaw`
        UPDATE "Customer" c
        SET "balanceMinutes" = b."expectedBalance", "lastTopUpMinutes" = b."expectedLastTopUp"
        FROM (${BALANCES_AGAINST_LEDGER}) b
        WHERE b."id" = c."id" AND (${DIFFERS})`;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
