// Times the dashboard on a large deterministic dataset on PostgreSQL: each chart and granularity
// from the per-day totals against the plain aggregation of the ledger, and the balance lookup
// over HTTP against a bare `pg` point read.
// Run: npx tsx scripts/bench/dashboard.mts [--reuse] [--no-http | --http-only]
//   BENCH_SERVER_URL  PostgreSQL server (default postgresql://postgres@127.0.0.1:5432/postgres)
//   BENCH_DATABASE    database to create or reuse (default assist_bench)
//   BENCH_PORT        port of the server the balance lookup starts (default 3202)
//   --reuse           keep the database of an earlier run, with pending migrations applied
//   --no-http         skip the balance lookup, which needs a production build (`next build`)
//   --http-only       run only the balance lookup
import os from "node:os";

import { createPrismaClient } from "@/lib/db/client";
import { CHART_LOADERS, loadDashboard } from "@/lib/db/dashboard";
import { rebuildDailyTotals } from "@/lib/db/daily-totals";
import { DASHBOARD_CHARTS } from "@/lib/dashboard/types";
import { parseDashboardQuery } from "@/lib/domain/dashboard-period";
import { GRANULARITIES } from "@/lib/domain/periods";

import { benchBalanceLookup } from "./balance-http";
import {
  BENCH_SIZE,
  createBenchDatabase,
  generateBenchData,
  migrateBenchDatabase,
} from "./dashboard-data";
import { median } from "./measure";
import { asPlainChart, plainChart, sameChart } from "./plain-charts";

const SERVER_URL = process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DATABASE = process.env.BENCH_DATABASE ?? "assist_bench";
const DASHBOARD_RUNS = 21;
const PLAIN_RUNS = 3;
// One year of local days, the last one the last day of the data: whole months, then a year that
// starts and ends in the middle of a month, as the last twelve months seen on the 15th do.
const YEARS = [
  { from: "2025-12-01", to: "2026-11-30" },
  { from: "2025-11-15", to: "2026-11-14" },
];

const reuse = process.argv.includes("--reuse");
const url = new URL(SERVER_URL);
url.pathname = `/${DATABASE}`;
const databaseUrl = reuse ? url.toString() : await createBenchDatabase(SERVER_URL, DATABASE);
if (reuse) migrateBenchDatabase(databaseUrl);

console.log(`Dashboard benchmark on ${os.cpus().length} cores, Node ${process.version}`);
const db = createPrismaClient(databaseUrl);
try {
  if (!reuse) {
    const { customers, sessions, topUps } = BENCH_SIZE;
    console.log(`Generating ${customers} customers, ${sessions} sessions, ${topUps} top-ups:`);
    await generateBenchData(databaseUrl, console.log);
    const started = performance.now();
    const rows = await rebuildDailyTotals(db);
    await db.$executeRawUnsafe(
      'VACUUM ANALYZE "DailyTotal", "DailyOperatorTotal", "MonthlyCustomerTotal", "CustomerRunningTotal"',
    );
    console.log(`  daily totals: ${rows} rows in ${seconds(started)} s`);
  }

  if (!process.argv.includes("--http-only")) {
    for (const year of YEARS) await benchYear(year);
  }

  if (!process.argv.includes("--no-http")) {
    await benchBalanceLookup(databaseUrl, db, console.log);
  }
} finally {
  await db.$disconnect();
}

async function benchYear(year: { from: string; to: string }) {
  console.log(`\nOne year (${year.from} to ${year.to}), median of ${DASHBOARD_RUNS} warm runs`);
  console.log("chart      granularity  dashboard   plain SQL   ratio  equal");
  for (const granularity of GRANULARITIES) {
    const range = { ...year, granularity };
    for (const chart of DASHBOARD_CHARTS) {
      const load = () => CHART_LOADERS[chart](db, range);
      const fast = await median(DASHBOARD_RUNS, load);
      const plain = await median(PLAIN_RUNS, () => plainChart(db, chart, range));
      const equal = sameChart(asPlainChart(await load()), await plainChart(db, chart, range));
      console.log(
        `${chart.padEnd(10)} ${granularity.padEnd(12)} ${ms(fast)} ${ms(plain)} ` +
          `${(plain / fast).toFixed(0).padStart(6)}  ${equal ? "yes" : "NO"}`,
      );
    }
  }

  for (const granularity of GRANULARITIES) {
    const query = parseDashboardQuery({ ...year, granularity }, year.to);
    const whole = await median(DASHBOARD_RUNS, () => loadDashboard(db, { query, now: new Date() }));
    console.log(`whole dashboard (4 charts, numbers, lists) by ${granularity}: ${ms(whole)}`);
  }
}

function ms(value: number): string {
  return `${value.toFixed(1).padStart(7)} ms`;
}

function seconds(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}
