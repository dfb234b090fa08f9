// Prepaid customers that need a top-up: at or below zero, below their low-balance threshold, or
// holding top-ups that expire soon.
import type { Db } from "../client";

// Rows shown per list; the count above each list gives the full number.
export const ACTION_LIST_LIMIT = 20;
// Top-ups that expire within this many days are listed.
export const EXPIRY_WARNING_DAYS = 30;

export interface ActionCustomer {
  id: string;
  code: string;
  name: string;
  balanceMinutes: number;
  // Low-balance threshold in minutes, for the customers below it.
  thresholdMinutes: number | null;
}

export interface ExpiringTopUp {
  entryId: string;
  customerId: string;
  code: string;
  name: string;
  minutes: number;
  expiresAt: Date;
  balanceMinutes: number;
}

export interface CustomersToActOn {
  exhausted: { count: number; rows: ActionCustomer[] };
  low: { count: number; rows: ActionCustomer[] };
  expiring: { count: number; rows: ExpiringTopUp[] };
}

type CountedRow<T> = T & { total: number };

/**
 * Loads the three lists. The low-balance rule is the one the balance lookup applies: a threshold
 * in minutes, or a percentage of the customer's lastTopUpMinutes, rounded up.
 */
export async function loadCustomersToActOn(db: Db, now: Date): Promise<CustomersToActOn> {
  const expiryLimit = new Date(now.getTime() + EXPIRY_WARNING_DAYS * 86_400_000);
  const [exhausted, low, expiring] = await Promise.all([
    db.$queryRaw<CountedRow<ActionCustomer>[]>`
      SELECT "id", "code", "name", "balanceMinutes", NULL::int AS "thresholdMinutes",
        COUNT(*) OVER ()::int AS "total"
      FROM "Customer"
      WHERE "billingMode" = 'PREPAID' AND "balanceMinutes" <= 0
      ORDER BY "balanceMinutes", "code"
      LIMIT ${ACTION_LIST_LIMIT}`,
    db.$queryRaw<CountedRow<ActionCustomer>[]>`
      WITH thresholds AS (
        SELECT "id", "code", "name", "balanceMinutes",
          CASE WHEN "lowBalanceKind" = 'MINUTES' THEN "lowBalanceThreshold"
            ELSE CEIL("lastTopUpMinutes" * "lowBalanceThreshold" / 100.0)::int
          END AS "thresholdMinutes"
        FROM "Customer"
        WHERE "billingMode" = 'PREPAID' AND "balanceMinutes" > 0
          AND "lowBalanceThreshold" IS NOT NULL
      )
      SELECT *, COUNT(*) OVER ()::int AS "total" FROM thresholds
      WHERE "balanceMinutes" < "thresholdMinutes"
      ORDER BY "balanceMinutes", "code"
      LIMIT ${ACTION_LIST_LIMIT}`,
    db.$queryRaw<CountedRow<ExpiringTopUp>[]>`
      SELECT e."id" AS "entryId", c."id" AS "customerId", c."code", c."name", e."minutes",
        e."expiresAt", c."balanceMinutes", COUNT(*) OVER ()::int AS "total"
      FROM "LedgerEntry" e JOIN "Customer" c ON c."id" = e."customerId"
      WHERE e."kind" = 'TOP_UP' AND e."reversesId" IS NULL
        AND e."expiresAt" > ${now} AND e."expiresAt" <= ${expiryLimit}
        AND c."billingMode" = 'PREPAID' AND c."balanceMinutes" > 0
        AND NOT EXISTS (SELECT 1 FROM "LedgerEntry" r WHERE r."reversesId" = e."id")
      ORDER BY e."expiresAt", c."code"
      LIMIT ${ACTION_LIST_LIMIT}`,
  ]);

  return {
    exhausted: counted(exhausted),
    low: counted(low),
    expiring: counted(expiring),
  };
}

function counted<T>(rows: CountedRow<T>[]): { count: number; rows: T[] } {
  return {
    count: rows[0]?.total ?? 0,
    rows: rows.map((row) => {
      const copy: Partial<CountedRow<T>> = { ...row };
      delete copy.total;

      return copy as T;
    }),
  };
}
