// The dashboard's charts, one SQL query each, read from the per-day totals: DailyOperatorTotal for
// the charts over all customers, the customer rollups for the one by customer (customers-chart.ts).
// Buckets are the local days grouped by date_trunc: ISO weeks start on Monday, months on the 1st.
import {
  type DashboardChart,
  type DashboardChartId,
  NO_OPERATOR_KEY,
  OTHERS_KEY,
  TOP_SERIES,
} from "@/lib/dashboard/types";
import { bucketStarts } from "@/lib/domain/dashboard-period";
import type { Granularity } from "@/lib/domain/periods";

import type { Db } from "../client";
import { Prisma } from "../generated/client";

export interface ChartRange {
  from: string;
  to: string;
  granularity: Granularity;
}

// One series of a breakdown chart: its buckets' first days (ISO dates) and values, in order. The
// key is null for "others". A year by day is then eleven rows instead of about 4,000, which
// Prisma decoded more slowly than PostgreSQL computed them.
export interface SeriesRow {
  key: string | null;
  name: string | null;
  code: string | null;
  starts: string[];
  values: number[];
}

// Collects the rows of `buckets` (columns "rank", "key", "name", "code", "start", "value") into
// one SeriesRow per rank, in rank order.
export function seriesRows(buckets: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT "key", "name", "code",
      array_agg(to_char("start", 'YYYY-MM-DD') ORDER BY "start") AS "starts",
      array_agg("value" ORDER BY "start") AS "values"
    FROM (${buckets}) buckets
    GROUP BY "rank", "key", "name", "code"
    ORDER BY "rank"`;
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

/** Minutes consumed per bucket by the ten operators that consumed most, and by the others. */
export async function loadOperatorsChart(db: Db, range: ChartRange): Promise<DashboardChart> {
  const rows = await db.$queryRaw<SeriesRow[]>`
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
    ${seriesRows(Prisma.sql`
      SELECT COALESCE(s."slot", ${TOP_SERIES + 1}) AS "rank", s."key", s."key" AS "name",
        NULL::text AS "code", date_trunc(${range.granularity}, p."day"::timestamp)::date AS "start",
        SUM(p."minutes")::int AS "value"
      FROM period p JOIN slots s ON s."operator" = p."operator"
      GROUP BY s."slot", s."key", 5`)}`;

  return breakdownChart(
    "operators",
    range,
    rows.map((row) => (row.key === "" ? { ...row, key: NO_OPERATOR_KEY, name: "" } : row)),
  );
}

// Rows arrive ordered by rank, so the series keep the order of the ranking.
export function breakdownChart(id: DashboardChartId, range: ChartRange, rows: SeriesRow[]) {
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
    row.starts.forEach((start, index) => {
      const bucket = byStart.get(start);
      if (bucket) bucket.values[row.key ?? OTHERS_KEY] += row.values[index];
    });
  }

  return { id, granularity: range.granularity, series, buckets };
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
