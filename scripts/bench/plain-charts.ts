// The dashboard's charts computed the plain way, from LedgerEntry and Session without the per-day
// totals, to time against the dashboard and to check that both give the same numbers.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { NO_OPERATOR_KEY, OTHERS_KEY, TOP_SERIES } from "@/lib/dashboard/types";
import type { DashboardChartId } from "@/lib/dashboard/types";
import { addDays, type Granularity, startOfLocalDay } from "@/lib/domain/periods";

// Bucket start (yyyy-mm-dd) → series key → value.
export type PlainChart = Map<string, Map<string, number>>;

// Ledger entries of the range with their local day: entries of a session by the session's start,
// others by their own time. Both halves select by instant, so the indexes on Session.startedAt
// and LedgerEntry.occurredAt apply.
function keyed(range: { from: string; to: string }): Prisma.Sql {
  const start = startOfLocalDay(range.from);
  const end = startOfLocalDay(addDays(range.to, 1));
  const local = (column: Prisma.Sql) =>
    Prisma.sql`(${column} AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Rome')::date`;

  return Prisma.sql`
    SELECT ${local(Prisma.sql`s."startedAt"`)} AS "day", e."customerId", e."kind", e."minutes",
      e."sessionId", COALESCE(s."operatorName", u."name", '') AS "operator"
    FROM "Session" s JOIN "LedgerEntry" e ON e."sessionId" = s."id"
    LEFT JOIN "User" u ON u."id" = s."operatorId"
    WHERE s."startedAt" >= ${start} AND s."startedAt" < ${end}
    UNION ALL
    SELECT ${local(Prisma.sql`e."occurredAt"`)}, e."customerId", e."kind", e."minutes", NULL, ''
    FROM "LedgerEntry" e
    WHERE e."sessionId" IS NULL AND e."occurredAt" >= ${start} AND e."occurredAt" < ${end}`;
}

const QUERIES: Record<
  DashboardChartId,
  (range: { from: string; to: string }, unit: Granularity) => Prisma.Sql
> = {
  usage: (range, unit) => Prisma.sql`
    SELECT date_trunc(${unit}, "day"::timestamp)::date AS "start", 'consumed' AS "key",
      COALESCE(-SUM("minutes") FILTER (WHERE "kind" = 'SESSION'), 0)::int AS "value"
    FROM (${keyed(range)}) k GROUP BY 1
    UNION ALL
    SELECT date_trunc(${unit}, "day"::timestamp)::date, 'sold',
      COALESCE(SUM("minutes") FILTER (WHERE "kind" IN ('TOP_UP', 'POSTPAID_BILLING')), 0)::int
    FROM (${keyed(range)}) k GROUP BY 1`,
  sessions: (range, unit) => Prisma.sql`
    SELECT date_trunc(${unit}, "day"::timestamp)::date AS "start", 'sessions' AS "key",
      COUNT(*)::int AS "value"
    FROM (
      SELECT "day" FROM (${keyed(range)}) k WHERE "kind" = 'SESSION'
      GROUP BY "day", "sessionId", "customerId" HAVING SUM("minutes") <> 0
    ) charged GROUP BY 1`,
  customers: (range, unit) => Prisma.sql`
    WITH k AS (SELECT * FROM (${keyed(range)}) k WHERE "kind" = 'SESSION'),
    ranked AS (
      SELECT k."customerId", c."code",
        row_number() OVER (ORDER BY -SUM(k."minutes") DESC, c."code") AS "rank"
      FROM k JOIN "Customer" c ON c."id" = k."customerId"
      GROUP BY k."customerId", c."code" HAVING SUM(k."minutes") <> 0
    )
    SELECT date_trunc(${unit}, k."day"::timestamp)::date AS "start",
      CASE WHEN r."rank" <= ${TOP_SERIES} THEN r."code" ELSE ${OTHERS_KEY} END AS "key",
      -SUM(k."minutes")::int AS "value"
    FROM k JOIN ranked r ON r."customerId" = k."customerId"
    GROUP BY 1, 2`,
  operators: (range, unit) => Prisma.sql`
    WITH k AS (SELECT * FROM (${keyed(range)}) k WHERE "kind" = 'SESSION'),
    ranked AS (
      SELECT "operator", row_number() OVER (ORDER BY -SUM("minutes") DESC, "operator") AS "rank"
      FROM k GROUP BY "operator" HAVING SUM("minutes") <> 0
    )
    SELECT date_trunc(${unit}, k."day"::timestamp)::date AS "start",
      CASE WHEN r."rank" > ${TOP_SERIES} THEN ${OTHERS_KEY}
        WHEN r."operator" = '' THEN ${NO_OPERATOR_KEY} ELSE r."operator" END AS "key",
      -SUM(k."minutes")::int AS "value"
    FROM k JOIN ranked r ON r."operator" = k."operator"
    GROUP BY 1, 2`,
};

/** Runs the plain aggregation of one chart and returns its non-zero values. */
export async function plainChart(
  db: Db,
  chart: DashboardChartId,
  range: { from: string; to: string; granularity: Granularity },
): Promise<PlainChart> {
  const rows = await db.$queryRaw<{ start: Date; key: string; value: number }[]>(
    QUERIES[chart](range, range.granularity),
  );
  const result: PlainChart = new Map();
  for (const row of rows) {
    if (row.value === 0) continue;

    const start = row.start.toISOString().slice(0, 10);
    const values = result.get(start) ?? new Map<string, number>();
    values.set(row.key, (values.get(row.key) ?? 0) + row.value);
    result.set(start, values);
  }

  return result;
}

/** Turns a dashboard chart into the same shape, dropping zeros. */
export function asPlainChart(chart: {
  buckets: { start: string; values: Record<string, number> }[];
}): PlainChart {
  const result: PlainChart = new Map();
  for (const bucket of chart.buckets) {
    const values = new Map(Object.entries(bucket.values).filter(([, value]) => value !== 0));
    if (values.size > 0) result.set(bucket.start, values);
  }

  return result;
}

export function sameChart(a: PlainChart, b: PlainChart): boolean {
  if (a.size !== b.size) return false;

  for (const [start, values] of a) {
    const other = b.get(start);
    if (!other || other.size !== values.size) return false;
    for (const [key, value] of values) {
      if (other.get(key) !== value) return false;
    }
  }

  return true;
}
