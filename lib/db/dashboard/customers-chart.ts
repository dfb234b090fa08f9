// The chart by customer: minutes consumed per bucket by the ten customers that consumed most in
// the period, and by all the others together. Ranking every customer is the expensive part. It
// reads one CustomerRunningTotal row per customer for the whole months of the period, and one
// MonthlyCustomerTotal row per customer for each month the period covers only in part. Each value
// is the difference of two elements of a running array (customer-rollups.ts).
import { type DashboardChart, TOP_SERIES } from "@/lib/dashboard/types";
import { type MonthSplit, monthNumber, splitIntoMonths } from "@/lib/domain/dashboard-period";

import type { Db } from "../client";
import { Prisma } from "../generated/client";
import { breakdownChart, type ChartRange, type SeriesRow, seriesRows } from "./charts";

// monthNumber() of the row's first month. date_part is cheaper than EXTRACT, which is numeric.
const FIRST_MONTH_NUMBER = Prisma.sql`
  (date_part('year', r."firstMonth")::int * 12 + date_part('month', r."firstMonth")::int - 1)`;

// Each customer's minutes in the period, one row per customer and piece of the period. An index
// below 1 reads NULL, which is a month before the customer's first one. An index past the end
// reads the last element, because nothing was consumed after it.
function piecesOf({ whole, partial }: MonthSplit): Prisma.Sql {
  const pieces: Prisma.Sql[] = partial.map(
    (part) => Prisma.sql`
      SELECT m."customerId",
        COALESCE(m."consumedThroughDay"[${part.toDay}::int], 0)
          - COALESCE(m."consumedThroughDay"[${part.fromDay - 1}::int], 0) AS "minutes"
      FROM "MonthlyCustomerTotal" m WHERE m."month" = ${part.month}::date`,
  );
  if (whole) {
    pieces.push(Prisma.sql`
      SELECT r."customerId",
        COALESCE(r."consumedThroughMonth"[LEAST(
          ${monthNumber(whole.last)}::int - ${FIRST_MONTH_NUMBER} + 1,
          cardinality(r."consumedThroughMonth"))], 0)
        - COALESCE(r."consumedThroughMonth"[LEAST(
          ${monthNumber(whole.first)}::int - ${FIRST_MONTH_NUMBER},
          cardinality(r."consumedThroughMonth"))], 0) AS "minutes"
      FROM "CustomerRunningTotal" r`);
  }

  return Prisma.join(pieces, " UNION ALL ");
}

// Each customer's minutes in the period. A single piece needs no grouping.
function totalsOf(range: ChartRange): Prisma.Sql {
  const split = splitIntoMonths(range);
  const pieces = piecesOf(split);
  if ((split.whole ? 1 : 0) + split.partial.length === 1) {
    return Prisma.sql`SELECT * FROM (${pieces}) piece WHERE "minutes" <> 0`;
  }

  return Prisma.sql`
    SELECT "customerId", SUM("minutes") AS "minutes" FROM (${pieces}) pieces
    GROUP BY "customerId" HAVING SUM("minutes") <> 0`;
}

/**
 * Loads the chart by customer. Ties rank by customer code. The ten customers' buckets come from
 * the days of their MonthlyCustomerTotal rows. "Others" is each bucket's total minus the ten, so
 * the other customers' days are not read.
 */
export async function loadCustomersChart(db: Db, range: ChartRange): Promise<DashboardChart> {
  const unit = range.granularity;
  const rows = await db.$queryRaw<SeriesRow[]>`
    WITH totals AS MATERIALIZED (${totalsOf(range)}),
    -- Only the customers that reach the tenth largest total need their code, for the ties.
    threshold AS (
      SELECT MIN("minutes") AS "minutes"
      FROM (SELECT "minutes" FROM totals ORDER BY "minutes" DESC LIMIT ${TOP_SERIES}) best
    ),
    top AS (
      SELECT t."customerId", c."code", c."name",
        row_number() OVER (ORDER BY t."minutes" DESC, c."code") AS "rank"
      FROM totals t
      -- LIMIT keeps the planner from turning this into a hash join over every customer.
      CROSS JOIN LATERAL (
        SELECT "code", "name" FROM "Customer" WHERE "id" = t."customerId" LIMIT 1
      ) c
      WHERE t."minutes" >= (SELECT "minutes" FROM threshold)
      ORDER BY "rank" LIMIT ${TOP_SERIES}
    ),
    top_days AS (
      SELECT top."code", top."name", top."rank", m."month" + (d."n"::int - 1) AS "day",
        d."through" - COALESCE(m."consumedThroughDay"[d."n"::int - 1], 0) AS "minutes"
      FROM top
      JOIN "MonthlyCustomerTotal" m ON m."customerId" = top."customerId"
        AND m."month" BETWEEN date_trunc('month', ${range.from}::date)::date AND ${range.to}::date
      CROSS JOIN LATERAL unnest(m."consumedThroughDay") WITH ORDINALITY AS d("through", "n")
    ),
    top_buckets AS (
      SELECT date_trunc(${unit}, "day"::timestamp)::date AS "start", "code", "name", "rank",
        SUM("minutes")::int AS "value"
      FROM top_days WHERE "day" BETWEEN ${range.from}::date AND ${range.to}::date
      GROUP BY 1, "code", "name", "rank"
    ),
    all_buckets AS (
      SELECT date_trunc(${unit}, o."day"::timestamp)::date AS "start",
        SUM(o."consumedMinutes")::int AS "value"
      FROM "DailyOperatorTotal" o
      WHERE o."day" BETWEEN ${range.from}::date AND ${range.to}::date
      GROUP BY 1
    ),
    top_sums AS (SELECT "start", SUM("value")::int AS "value" FROM top_buckets GROUP BY "start")
    ${seriesRows(Prisma.sql`
      SELECT "rank", "code" AS "key", "name", "code", "start", "value" FROM top_buckets
      UNION ALL
      SELECT ${TOP_SERIES + 1}, NULL, NULL, NULL, a."start", a."value" - COALESCE(s."value", 0)
      FROM all_buckets a LEFT JOIN top_sums s ON s."start" = a."start"
      WHERE (SELECT COUNT(*) FROM totals) > ${TOP_SERIES}`)}`;

  return breakdownChart("customers", range, rows);
}
