// The dashboard's charts, one SQL query each, read from the per-day totals: DailyOperatorTotal for
// the charts over all customers, DailyTotal for the one by customer. Buckets are the local days
// grouped by date_trunc: ISO weeks start on Monday, months on the 1st.
import {
  type DashboardChart,
  type DashboardChartId,
  NO_OPERATOR_KEY,
  OTHERS_KEY,
  TOP_SERIES,
} from "@/lib/dashboard/types";
import { bucketEnd, bucketStart, bucketStarts } from "@/lib/domain/dashboard-period";
import { addDays, type Granularity } from "@/lib/domain/periods";

import type { Db } from "../client";
import { Prisma } from "../generated/client";

export interface ChartRange {
  from: string;
  to: string;
  granularity: Granularity;
}

interface BucketRow {
  start: Date;
  key: string | null;
  name: string | null;
  code: string | null;
  value: number;
}

function bucketOf(granularity: Granularity): Prisma.Sql {
  return Prisma.sql`date_trunc(${granularity}, t."day"::timestamp)::date`;
}

function inRange(range: ChartRange): Prisma.Sql {
  return Prisma.sql`t."day" BETWEEN ${range.from}::date AND ${range.to}::date`;
}

/** Minutes consumed (billed sessions) and sold (top-ups and postpaid billing) per bucket. */
export async function loadUsageChart(db: Db, range: ChartRange): Promise<DashboardChart> {
  const rows = await db.$queryRaw<{ start: Date; consumed: number; sold: number }[]>`
    SELECT ${bucketOf(range.granularity)} AS "start",
      SUM(t."consumedMinutes")::int AS "consumed", SUM(t."soldMinutes")::int AS "sold"
    FROM "DailyOperatorTotal" t WHERE ${inRange(range)}
    GROUP BY 1`;
  const byStart = new Map(rows.map((row) => [isoDate(row.start), row]));

  return {
    id: "usage",
    granularity: range.granularity,
    series: [
      { key: "consumed", name: "" },
      { key: "sold", name: "" },
    ],
    buckets: bucketStarts(range, range.granularity).map((start) => ({
      start,
      values: {
        consumed: byStart.get(start)?.consumed ?? 0,
        sold: byStart.get(start)?.sold ?? 0,
      },
    })),
  };
}

/** Sessions charged to customers per bucket. */
export async function loadSessionsChart(db: Db, range: ChartRange): Promise<DashboardChart> {
  const rows = await db.$queryRaw<{ start: Date; sessions: number }[]>`
    SELECT ${bucketOf(range.granularity)} AS "start", SUM(t."sessions")::int AS "sessions"
    FROM "DailyOperatorTotal" t WHERE ${inRange(range)}
    GROUP BY 1`;
  const byStart = new Map(rows.map((row) => [isoDate(row.start), row.sessions]));

  return {
    id: "sessions",
    granularity: range.granularity,
    series: [{ key: "sessions", name: "" }],
    buckets: bucketStarts(range, range.granularity).map((start) => ({
      start,
      values: { sessions: byStart.get(start) ?? 0 },
    })),
  };
}

/**
 * Minutes consumed per bucket by the ten customers that consumed most in the range, and by all
 * the others together. Ties rank by customer code. The ranking reads whole months from
 * MonthlyCustomerTotal and only the days before the first and after the last whole month from
 * DailyTotal. "Others" is the bucket's total minus the ten, so other customers' days are not read.
 */
export async function loadCustomersChart(db: Db, range: ChartRange): Promise<DashboardChart> {
  const parts = splitIntoMonths(range);
  const unit = range.granularity;
  const rows = await db.$queryRaw<BucketRow[]>`
    WITH totals AS (
      SELECT "customerId", SUM("minutes") AS "minutes" FROM (
        SELECT m."customerId", m."consumedMinutes" AS "minutes" FROM "MonthlyCustomerTotal" m
        WHERE m."month" BETWEEN ${parts.firstMonth}::date AND ${parts.lastMonth}::date
        UNION ALL
        SELECT t."customerId", t."consumedMinutes" FROM "DailyTotal" t
        WHERE t."consumedMinutes" <> 0 AND (
          t."day" BETWEEN ${range.from}::date AND ${parts.headEnd}::date
          OR t."day" BETWEEN ${parts.tailStart}::date AND ${range.to}::date)
      ) pieces
      GROUP BY "customerId" HAVING SUM("minutes") <> 0
    ),
    top AS (
      SELECT t."customerId", c."code", c."name",
        row_number() OVER (ORDER BY t."minutes" DESC, c."code") AS "rank"
      FROM totals t JOIN "Customer" c ON c."id" = t."customerId"
      ORDER BY "rank" LIMIT ${TOP_SERIES}
    ),
    top_buckets AS (
      SELECT date_trunc(${unit}, d."day"::timestamp)::date AS "start", top."code", top."name",
        top."rank", SUM(d."consumedMinutes")::int AS "value"
      FROM top JOIN "DailyTotal" d ON d."customerId" = top."customerId"
        AND d."day" BETWEEN ${range.from}::date AND ${range.to}::date
      GROUP BY 1, top."code", top."name", top."rank"
    ),
    all_buckets AS (
      SELECT date_trunc(${unit}, o."day"::timestamp)::date AS "start",
        SUM(o."consumedMinutes")::int AS "value"
      FROM "DailyOperatorTotal" o
      WHERE o."day" BETWEEN ${range.from}::date AND ${range.to}::date
      GROUP BY 1
    )
    SELECT "start", "code" AS "key", "name", "code", "value", "rank" FROM top_buckets
    UNION ALL
    SELECT a."start", NULL, NULL, NULL,
      a."value" - COALESCE((SELECT SUM(b."value") FROM top_buckets b WHERE b."start" = a."start"), 0)::int,
      ${TOP_SERIES + 1}
    FROM all_buckets a
    WHERE (SELECT COUNT(*) FROM totals) > ${TOP_SERIES}
    ORDER BY "rank", "start"`;

  return breakdownChart("customers", range, rows);
}

// The whole months inside the range, and the days before and after them. With no whole month,
// the head covers the range and the month interval is empty.
function splitIntoMonths(range: { from: string; to: string }) {
  const firstMonth = range.from.endsWith("-01")
    ? range.from
    : addDays(bucketEnd(bucketStart(range.from, "month"), "month"), 1);
  const lastMonthEnd = bucketEnd(bucketStart(range.to, "month"), "month");
  const lastMonth =
    lastMonthEnd === range.to ? bucketStart(range.to, "month") : previousMonth(range.to);
  if (lastMonth < firstMonth) {
    return { firstMonth, lastMonth, headEnd: range.to, tailStart: addDays(range.to, 1) };
  }

  return {
    firstMonth,
    lastMonth,
    headEnd: addDays(firstMonth, -1),
    tailStart: addDays(bucketEnd(lastMonth, "month"), 1),
  };
}

function previousMonth(date: string): string {
  return bucketStart(addDays(bucketStart(date, "month"), -1), "month");
}

/** Minutes consumed per bucket by the ten operators that consumed most, and by the others. */
export async function loadOperatorsChart(db: Db, range: ChartRange): Promise<DashboardChart> {
  const rows = await db.$queryRaw<BucketRow[]>`
    WITH period AS (
      SELECT t."day", t."operator", t."consumedMinutes" AS "minutes" FROM "DailyOperatorTotal" t
      WHERE ${inRange(range)} AND t."consumedMinutes" <> 0
    ),
    ranked AS (
      SELECT "operator", row_number() OVER (ORDER BY SUM("minutes") DESC, "operator") AS "rank"
      FROM period GROUP BY "operator"
    ),
    slots AS (
      SELECT "operator", CASE WHEN "rank" <= ${TOP_SERIES} THEN "rank" END AS "slot",
        CASE WHEN "rank" <= ${TOP_SERIES} THEN "operator" END AS "key"
      FROM ranked
    )
    SELECT date_trunc(${range.granularity}, p."day"::timestamp)::date AS "start",
      s."key", s."key" AS "name", NULL::text AS "code", SUM(p."minutes")::int AS "value"
    FROM period p JOIN slots s ON s."operator" = p."operator"
    GROUP BY 1, s."slot", s."key"
    ORDER BY s."slot" NULLS LAST, 1`;

  return breakdownChart(
    "operators",
    range,
    rows.map((row) => (row.key === "" ? { ...row, key: NO_OPERATOR_KEY, name: "" } : row)),
  );
}

// Rows arrive ordered by rank, so the series keep the order of the ranking.
function breakdownChart(id: DashboardChartId, range: ChartRange, rows: BucketRow[]) {
  const series: DashboardChart["series"] = [];
  const seen = new Set<string>();
  let hasOthers = false;
  for (const row of rows) {
    if (row.key === null) {
      hasOthers = true;
    } else if (!seen.has(row.key)) {
      seen.add(row.key);
      series.push({ key: row.key, name: row.name ?? "", code: row.code ?? undefined });
    }
  }
  if (hasOthers) series.push({ key: OTHERS_KEY, name: "" });

  const buckets = bucketStarts(range, range.granularity).map((start) => ({
    start,
    values: Object.fromEntries(series.map((item) => [item.key, 0])),
  }));
  const byStart = new Map(buckets.map((bucket) => [bucket.start, bucket]));
  for (const row of rows) {
    const bucket = byStart.get(isoDate(row.start));
    if (bucket) bucket.values[row.key ?? OTHERS_KEY] += row.value;
  }

  return { id, granularity: range.granularity, series, buckets };
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
