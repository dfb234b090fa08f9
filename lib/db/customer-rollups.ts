// The chart by customer's rollups of DailyTotal: MonthlyCustomerTotal (a customer's month, with
// its minutes added up day by day) and CustomerRunningTotal (a customer's months added up). Both
// are recomputed from DailyTotal rather than moved by the change, so a ledger write and a rebuild
// run the same statements: addToDailyTotals passes the months it touched, the rebuild all of them.
import type { Tx } from "./client";
import { Prisma } from "./generated/client";

// Recomputes the MonthlyCustomerTotal rows of the ("customerId", "month") pairs `scope` selects.
function monthRollup(scope: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH scope AS (${scope}),
    days AS (
      SELECT s."customerId", s."month", g."day"::date AS "day"
      FROM scope s
      CROSS JOIN LATERAL generate_series(s."month",
        s."month" + INTERVAL '1 month' - INTERVAL '1 day', INTERVAL '1 day') AS g("day")
    ),
    -- The month is matched twice: as an equality, for a hash join over every month in a rebuild,
    -- and as a range of days, for an index scan over one customer's month after a ledger write.
    daily AS (
      SELECT t."customerId", t."day", SUM(t."consumedMinutes") AS "minutes"
      FROM scope s
      JOIN "DailyTotal" t ON t."customerId" = s."customerId"
        AND date_trunc('month', t."day"::timestamp)::date = s."month"
        AND t."day" >= s."month" AND t."day" < s."month" + INTERVAL '1 month'
      GROUP BY t."customerId", t."day"
    ),
    running AS (
      SELECT d."customerId", d."month", d."day",
        SUM(COALESCE(t."minutes", 0))
          OVER (PARTITION BY d."customerId", d."month" ORDER BY d."day") AS "through",
        COALESCE(t."minutes", 0) AS "minutes"
      FROM days d
      LEFT JOIN daily t ON t."customerId" = d."customerId" AND t."day" = d."day"
    )
    INSERT INTO "MonthlyCustomerTotal" ("month", "customerId", "consumedMinutes", "consumedThroughDay")
    SELECT "month", "customerId", SUM("minutes")::int, array_agg("through"::int ORDER BY "day")
    FROM running
    GROUP BY "month", "customerId"
    ON CONFLICT ("month", "customerId") DO UPDATE SET
      "consumedMinutes" = EXCLUDED."consumedMinutes",
      "consumedThroughDay" = EXCLUDED."consumedThroughDay"`;
}

// Recomputes the CustomerRunningTotal rows of the customers whose MonthlyCustomerTotal rows `m`
// the condition `customers` selects.
function runningRollup(customers: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH totals AS (
      SELECT m."customerId", m."month", m."consumedMinutes" FROM "MonthlyCustomerTotal" m
      WHERE ${customers}
    ),
    bounds AS (
      SELECT "customerId", MIN("month") AS "first", MAX("month") AS "last"
      FROM totals GROUP BY "customerId"
    ),
    months AS (
      SELECT b."customerId", b."first", g."month"::date AS "month"
      FROM bounds b
      CROSS JOIN LATERAL generate_series(b."first", b."last", INTERVAL '1 month') AS g("month")
    ),
    running AS (
      SELECT mo."customerId", mo."first", mo."month",
        SUM(COALESCE(m."consumedMinutes", 0))
          OVER (PARTITION BY mo."customerId" ORDER BY mo."month") AS "through"
      FROM months mo
      LEFT JOIN totals m ON m."customerId" = mo."customerId" AND m."month" = mo."month"
    )
    INSERT INTO "CustomerRunningTotal" ("customerId", "firstMonth", "consumedThroughMonth")
    SELECT "customerId", "first", array_agg("through"::int ORDER BY "month")
    FROM running
    GROUP BY "customerId", "first"
    ON CONFLICT ("customerId") DO UPDATE SET
      "firstMonth" = EXCLUDED."firstMonth",
      "consumedThroughMonth" = EXCLUDED."consumedThroughMonth"`;
}

/**
 * Recomputes the rollups of `customerId` for `months` (first days of local months, ISO dates),
 * after DailyTotal was updated in the same transaction. The caller holds the customer's row lock.
 */
export async function refreshCustomerRollups(tx: Tx, customerId: string, months: string[]) {
  if (months.length === 0) return;

  await tx.$executeRaw`${monthRollup(Prisma.sql`
    SELECT ${customerId}::text AS "customerId", "month"::date AS "month"
    FROM unnest(${months}::text[]) AS "month"`)}`;
  await tx.$executeRaw`${runningRollup(Prisma.sql`m."customerId" = ${customerId}`)}`;
}

/** Recomputes every rollup from DailyTotal, for a rebuild that emptied them first. */
export async function rebuildCustomerRollups(tx: Tx) {
  await tx.$executeRaw`${monthRollup(Prisma.sql`
    SELECT DISTINCT "customerId", date_trunc('month', "day"::timestamp)::date AS "month"
    FROM "DailyTotal" WHERE "consumedMinutes" <> 0`)}`;
  await tx.$executeRaw`${runningRollup(Prisma.sql`TRUE`)}`;
}

// The rollups spread back into one row per day (MonthlyCustomerTotal) or month
// (CustomerRunningTotal) and customer, as the check compares them with the ledger: columns "table",
// "day", "customerId", "minutes". Days and months that add nothing are left out.
export const ROLLUP_CHANGES = Prisma.sql`
  SELECT 'MonthlyCustomerTotal.consumedThroughDay' AS "table",
    m."month" + (d."n"::int - 1) AS "day", m."customerId",
    d."through" - COALESCE(m."consumedThroughDay"[d."n"::int - 1], 0) AS "minutes"
  FROM "MonthlyCustomerTotal" m
  CROSS JOIN LATERAL unnest(m."consumedThroughDay") WITH ORDINALITY AS d("through", "n")
  UNION ALL
  SELECT 'CustomerRunningTotal', (r."firstMonth" + (d."n"::int - 1) * INTERVAL '1 month')::date,
    r."customerId", d."through" - COALESCE(r."consumedThroughMonth"[d."n"::int - 1], 0)
  FROM "CustomerRunningTotal" r
  CROSS JOIN LATERAL unnest(r."consumedThroughMonth") WITH ORDINALITY AS d("through", "n")`;
