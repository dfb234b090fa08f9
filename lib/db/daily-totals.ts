// Per-day ledger totals for the dashboard, in the business time zone: DailyTotal per customer and
// operator, DailyOperatorTotal (its sum over customers), and the consumed minutes by customer and
// month of customer-rollups.ts. appendLedgerEntries calls addToDailyTotals in its own
// transaction, so the totals move with the ledger or not at all.
// rebuildDailyTotals and findDailyTotalDifferences recompute them from LedgerEntry and Session.
//
// Keys: an entry linked to a session counts on the local day the session started, under the
// session's operator name (or its user's name), so a reversal lands where the charge did. Any
// other entry counts on the local day it occurred, under the empty operator "".
import { BUSINESS_TIME_ZONE } from "@/lib/i18n/config";

import type { Db, Tx } from "./client";
import { rebuildCustomerRollups, refreshCustomerRollups, ROLLUP_CHANGES } from "./customer-rollups";
import { Prisma } from "./generated/client";

export interface DailyTotalRow {
  day: string;
  customerId: string;
  operator: string;
  consumedMinutes: number;
  soldMinutes: number;
  adjustedMinutes: number;
  sessions: number;
}

export interface DailyTotalDifference {
  table: string;
  // The first day of the month for MonthlyCustomerTotal.
  day: string;
  customerId: string;
  operator: string;
  stored: Omit<DailyTotalRow, "day" | "customerId" | "operator"> | null;
  expected: Omit<DailyTotalRow, "day" | "customerId" | "operator"> | null;
}

// Ledger entries with their key. `where` limits the entries, e.g. to the ones just inserted.
function keyedEntries(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT
      e."id", e."customerId", e."kind", e."minutes", e."sessionId",
      (COALESCE(s."startedAt", e."occurredAt") AT TIME ZONE 'UTC'
        AT TIME ZONE ${BUSINESS_TIME_ZONE})::date AS "day",
      CASE WHEN s."id" IS NULL THEN '' ELSE COALESCE(s."operatorName", u."name", '') END
        AS "operator"
    FROM "LedgerEntry" e
    LEFT JOIN "Session" s ON s."id" = e."sessionId"
    LEFT JOIN "User" u ON u."id" = s."operatorId"
    WHERE ${where}`;
}

// Minutes of each keyed entry, split by what they count as.
const MINUTE_COLUMNS = Prisma.sql`
  CASE WHEN k."kind" = 'SESSION' THEN -k."minutes" ELSE 0 END AS "consumedMinutes",
  CASE WHEN k."kind" IN ('TOP_UP', 'POSTPAID_BILLING') THEN k."minutes" ELSE 0 END
    AS "soldMinutes",
  CASE WHEN k."kind" = 'ADJUSTMENT' THEN k."minutes" ELSE 0 END AS "adjustedMinutes"`;

const MONTH_OF_DAY = Prisma.sql`date_trunc('month', "day"::timestamp)::date`;

const SUMS = Prisma.sql`
  SUM("consumedMinutes")::int AS "consumedMinutes", SUM("soldMinutes")::int AS "soldMinutes",
  SUM("adjustedMinutes")::int AS "adjustedMinutes", SUM("sessions")::int AS "sessions"`;

// The totals computed from the whole ledger: the reference for the rebuild and the check.
const LEDGER_AGGREGATION = Prisma.sql`
  WITH keyed AS (${keyedEntries(Prisma.sql`TRUE`)}),
  charged AS (
    SELECT "customerId", "day", "operator", "sessionId" FROM keyed
    WHERE "kind" = 'SESSION' AND "sessionId" IS NOT NULL
    GROUP BY "customerId", "day", "operator", "sessionId"
    HAVING SUM("minutes") <> 0
  ),
  changes AS (
    SELECT k."day", k."customerId", k."operator", ${MINUTE_COLUMNS}, 0 AS "sessions" FROM keyed k
    UNION ALL
    SELECT "day", "customerId", "operator", 0, 0, 0, 1 FROM charged
  )
  SELECT "day", "customerId", "operator", ${SUMS}
  FROM changes GROUP BY "day", "customerId", "operator"`;

/**
 * Adds the ledger entries `entryIds` of `customerId`, already inserted in `tx`, to the totals.
 * A session counts once for its customer while its SESSION entries add up to a non-zero charge,
 * so a reversal takes it off and a later charge puts it back.
 */
export async function addToDailyTotals(tx: Tx, customerId: string, entryIds: string[]) {
  if (entryIds.length === 0) return;

  const ids = Prisma.sql`${entryIds}::text[]`;
  // The statement returns the months whose consumed minutes changed, for the customer rollups.
  const touched = await tx.$queryRaw<{ month: string }[]>`
    WITH keyed AS (${keyedEntries(Prisma.sql`e."id" = ANY(${ids})`)}),
    touched AS (
      SELECT DISTINCT "customerId", "day", "operator", "sessionId" FROM keyed
      WHERE "kind" = 'SESSION' AND "sessionId" IS NOT NULL
    ),
    net AS (
      SELECT t."customerId", t."day", t."operator",
        SUM(e."minutes") AS "after",
        SUM(e."minutes") FILTER (WHERE e."id" = ANY(${ids})) AS "added"
      FROM touched t
      JOIN "LedgerEntry" e ON e."sessionId" = t."sessionId" AND e."customerId" = ${customerId}
        AND e."kind" = 'SESSION'
      GROUP BY t."customerId", t."day", t."operator", t."sessionId"
    ),
    changes AS (
      SELECT k."day", k."customerId", k."operator", ${MINUTE_COLUMNS}, 0 AS "sessions" FROM keyed k
      UNION ALL
      SELECT "day", "customerId", "operator", 0, 0, 0,
        ("after" <> 0)::int - (("after" - "added") <> 0)::int
      FROM net
    ),
    grouped AS (
      SELECT "day", "customerId", "operator", ${SUMS}
      FROM changes GROUP BY "day", "customerId", "operator"
    ),
    customer_rows AS (
      INSERT INTO "DailyTotal" (
        "day", "customerId", "operator", "consumedMinutes", "soldMinutes", "adjustedMinutes",
        "sessions"
      )
      SELECT * FROM grouped
      ON CONFLICT ("day", "customerId", "operator") DO UPDATE SET
        "consumedMinutes" = "DailyTotal"."consumedMinutes" + EXCLUDED."consumedMinutes",
        "soldMinutes" = "DailyTotal"."soldMinutes" + EXCLUDED."soldMinutes",
        "adjustedMinutes" = "DailyTotal"."adjustedMinutes" + EXCLUDED."adjustedMinutes",
        "sessions" = "DailyTotal"."sessions" + EXCLUDED."sessions"
    ),
    operator_rows AS (
      INSERT INTO "DailyOperatorTotal" (
        "day", "operator", "consumedMinutes", "soldMinutes", "adjustedMinutes", "sessions"
      )
      -- Rows shared by all customers are locked in key order, so two writers cannot deadlock
      -- on them. NOTE: writers of different customers on the same day and operator wait for
      -- each other's commit here.
      SELECT "day", "operator", ${SUMS} FROM grouped GROUP BY "day", "operator"
      ORDER BY "day", "operator"
      ON CONFLICT ("day", "operator") DO UPDATE SET
        "consumedMinutes" = "DailyOperatorTotal"."consumedMinutes" + EXCLUDED."consumedMinutes",
        "soldMinutes" = "DailyOperatorTotal"."soldMinutes" + EXCLUDED."soldMinutes",
        "adjustedMinutes" = "DailyOperatorTotal"."adjustedMinutes" + EXCLUDED."adjustedMinutes",
        "sessions" = "DailyOperatorTotal"."sessions" + EXCLUDED."sessions"
    )
    SELECT DISTINCT to_char(${MONTH_OF_DAY}, 'YYYY-MM-DD') AS "month" FROM grouped
    WHERE "consumedMinutes" <> 0`;
  await refreshCustomerRollups(
    tx,
    customerId,
    touched.map((row) => row.month),
  );
}

/**
 * Replaces every total with the aggregation of the ledger and returns the number of DailyTotal
 * rows. The
 * EXCLUSIVE lock makes ledger writers wait at their own update of the totals, so a write that
 * commits during the rebuild adds its change after it instead of being lost or counted twice.
 */
export async function rebuildDailyTotals(db: Db): Promise<number> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`
        LOCK TABLE "DailyTotal", "DailyOperatorTotal", "MonthlyCustomerTotal",
          "CustomerRunningTotal" IN EXCLUSIVE MODE`;
      await tx.$executeRaw`DELETE FROM "DailyTotal"`;
      await tx.$executeRaw`DELETE FROM "DailyOperatorTotal"`;
      await tx.$executeRaw`DELETE FROM "MonthlyCustomerTotal"`;
      await tx.$executeRaw`DELETE FROM "CustomerRunningTotal"`;

      const rows = await tx.$executeRaw`
        INSERT INTO "DailyTotal" (
          "day", "customerId", "operator", "consumedMinutes", "soldMinutes", "adjustedMinutes",
          "sessions"
        )
        ${LEDGER_AGGREGATION}`;
      await tx.$executeRaw`
        INSERT INTO "DailyOperatorTotal" (
          "day", "operator", "consumedMinutes", "soldMinutes", "adjustedMinutes", "sessions"
        )
        SELECT "day", "operator", ${SUMS} FROM "DailyTotal" GROUP BY "day", "operator"`;
      await rebuildCustomerRollups(tx);

      return rows;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}

// customerId of the differences found in DailyOperatorTotal, which has no customer column.
export const ALL_CUSTOMERS = "*";

const TOTAL_COLUMNS = Prisma.sql`"consumedMinutes", "soldMinutes", "adjustedMinutes", "sessions"`;

/**
 * Returns the keys whose stored totals differ from the ledger's aggregation, in each table
 * (DailyOperatorTotal's with customerId ALL_CUSTOMERS; the customer rollups' with the empty
 * operator, their arrays compared day by day or month by month). It reads one snapshot
 * (REPEATABLE READ), so concurrent writes do not show up as differences. Rows of zeros count as
 * absent.
 */
export async function findDailyTotalDifferences(db: Db): Promise<DailyTotalDifference[]> {
  const rows = await db.$transaction(
    (tx) => tx.$queryRaw<(Record<string, string | number | null> & { day: Date })[]>`
      WITH expected AS (${LEDGER_AGGREGATION}),
      expected_all AS (
        SELECT 'DailyTotal' AS "table", "day", "customerId", "operator", ${TOTAL_COLUMNS}
        FROM expected
        UNION ALL
        SELECT 'DailyOperatorTotal', "day", ${ALL_CUSTOMERS}, "operator", ${SUMS}
        FROM expected GROUP BY "day", "operator"
        UNION ALL
        SELECT 'MonthlyCustomerTotal', ${MONTH_OF_DAY}, "customerId", '',
          SUM("consumedMinutes")::int, 0, 0, 0
        FROM expected GROUP BY 2, "customerId"
        UNION ALL
        SELECT 'MonthlyCustomerTotal.consumedThroughDay', "day", "customerId", '',
          SUM("consumedMinutes")::int, 0, 0, 0
        FROM expected GROUP BY "day", "customerId"
        UNION ALL
        SELECT 'CustomerRunningTotal', ${MONTH_OF_DAY}, "customerId", '',
          SUM("consumedMinutes")::int, 0, 0, 0
        FROM expected GROUP BY 2, "customerId"
      ),
      stored_all AS (
        SELECT 'DailyTotal' AS "table", "day", "customerId", "operator", ${TOTAL_COLUMNS}
        FROM "DailyTotal"
        UNION ALL
        SELECT 'DailyOperatorTotal', "day", ${ALL_CUSTOMERS}, "operator", ${TOTAL_COLUMNS}
        FROM "DailyOperatorTotal"
        UNION ALL
        SELECT 'MonthlyCustomerTotal', "month", "customerId", '', "consumedMinutes", 0, 0, 0
        FROM "MonthlyCustomerTotal"
        UNION ALL
        SELECT "table", "day", "customerId", '', "minutes"::int, 0, 0, 0
        FROM (${ROLLUP_CHANGES}) rollups
      )
      SELECT
        COALESCE(s."table", x."table") AS "table",
        COALESCE(s."day", x."day") AS "day",
        COALESCE(s."customerId", x."customerId") AS "customerId",
        COALESCE(s."operator", x."operator") AS "operator",
        s."consumedMinutes" AS "storedConsumed", s."soldMinutes" AS "storedSold",
        s."adjustedMinutes" AS "storedAdjusted", s."sessions" AS "storedSessions",
        x."consumedMinutes" AS "expectedConsumed", x."soldMinutes" AS "expectedSold",
        x."adjustedMinutes" AS "expectedAdjusted", x."sessions" AS "expectedSessions"
      FROM (SELECT * FROM stored_all WHERE (${TOTAL_COLUMNS}) <> (0, 0, 0, 0)) s
      FULL JOIN (SELECT * FROM expected_all WHERE (${TOTAL_COLUMNS}) <> (0, 0, 0, 0)) x
        ON x."table" = s."table" AND x."day" = s."day" AND x."customerId" = s."customerId"
          AND x."operator" = s."operator"
      WHERE s."day" IS NULL OR x."day" IS NULL
        OR (s."consumedMinutes", s."soldMinutes", s."adjustedMinutes", s."sessions")
          <> (x."consumedMinutes", x."soldMinutes", x."adjustedMinutes", x."sessions")
      ORDER BY 1, 2, 3, 4`,
    { isolationLevel: "RepeatableRead", timeout: 30 * 60_000 },
  );

  return rows.map((row) => ({
    table: String(row.table),
    day: row.day.toISOString().slice(0, 10),
    customerId: String(row.customerId),
    operator: String(row.operator),
    stored: totalsOf(row, "stored"),
    expected: totalsOf(row, "expected"),
  }));
}

function totalsOf(row: Record<string, unknown>, side: "stored" | "expected") {
  if (row[`${side}Consumed`] === null) return null;

  return {
    consumedMinutes: Number(row[`${side}Consumed`]),
    soldMinutes: Number(row[`${side}Sold`]),
    adjustedMinutes: Number(row[`${side}Adjusted`]),
    sessions: Number(row[`${side}Sessions`]),
  };
}
