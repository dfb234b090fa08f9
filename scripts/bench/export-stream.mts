// Streams a sessions export of all customers over one year to CSV and XLSX and reports time and
// peak memory. The data (1,000,000 closed sessions by default, over 1,000 customers) is generated
// once on a PostgreSQL server in its own database and kept for later runs.
// Run: npx tsx scripts/bench/export-stream.mts [sessions]
// (without --conditions=import, which makes pg load pg-pool's ESM build and fail).
// BENCH_DATABASE_URL sets the database (default postgresql://postgres@127.0.0.1:5432/assist_bench_export);
// it is created when missing. Without a reachable server the benchmark is skipped.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { build } from "esbuild";
import pg from "pg";

const sessions = Number(process.argv[2] ?? 1_000_000);
const customers = 1_000;
const period = { from: "2026-01-01", to: "2026-12-31" };
const url = new URL(
  process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/assist_bench_export",
);
const database = url.pathname.slice(1);

async function ensureDatabase(): Promise<boolean> {
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`Export bench skipped: no PostgreSQL at ${adminUrl.host} (${String(error)}).`);
    return false;
  }
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url.toString() },
    stdio: ["ignore", "ignore", "inherit"],
  });

  return true;
}

// Fills the database with `sessions` closed sessions spread over the year, unless it has them.
async function ensureData(): Promise<void> {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "Session"`);
  if (Number(rows[0].count) === sessions) {
    await client.end();
    return;
  }

  const started = performance.now();
  await client.query(`TRUNCATE "Session", "LedgerEntry", "Customer" CASCADE`);
  await client.query(
    `INSERT INTO "Customer" (id, code, name, "updatedAt")
     SELECT 'bc' || g, 'B' || lpad(g::text, 5, '0'), 'Cliente benchmark ' || g, now()
     FROM generate_series(1, $1) AS g`,
    [customers],
  );
  await client.query(
    `INSERT INTO "LedgerEntry" (id, "customerId", kind, minutes, "balanceAfter", "occurredAt")
     SELECT 'bl' || g, 'bc' || g, 'TOP_UP', 6000, 6000, '2025-12-15T10:00:00Z'
     FROM generate_series(1, $1) AS g`,
    [customers],
  );
  // Start times spread evenly over the year; durations and notes vary with the row number.
  await client.query(
    `INSERT INTO "Session" (id, code, "customerId", "operatorName", status, source, "startedAt",
       "endedAt", seconds, "billedMinutes", notes, "updatedAt")
     SELECT 'bs' || g, 'TV' || lpad(g::text, 9, '0'), 'bc' || (1 + g % $2), 'Operatore ' || (g % 12),
       'CLOSED', 'IMPORT', start, start + make_interval(secs => 60 + g % 3600),
       60 + g % 3600, ceil((60 + g % 3600) / 60.0)::int,
       CASE WHEN g % 4 = 0 THEN 'Assistenza remota, postazione ' || (g % 40) END, now()
     FROM generate_series(1, $1) AS g,
       LATERAL (SELECT timestamptz '2026-01-01T07:00:00Z' + (g * interval '31 seconds')) AS t(start)`,
    [sessions, customers],
  );
  await client.query(`ANALYZE "Session"`);
  await client.end();
  console.log(
    `Generated ${sessions} sessions in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

// The child runs as one bundled module under plain node: tsx's loader thread would add about 25 MB
// of its own to the measured RSS, which a production server does not have.
async function bundleChild(): Promise<string> {
  const outfile = path.resolve("node_modules", ".cache", "assist-bench", "export-stream-child.mjs");
  await build({
    entryPoints: ["scripts/bench/export-stream-child.mts"],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile,
    logLevel: "warning",
  });

  return outfile;
}

if (await ensureDatabase()) {
  await ensureData();
  const childFile = await bundleChild();
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-export-"));
  console.log(
    `Sessions export of ${sessions} rows, ${customers} customers, ${period.from}..${period.to}, ` +
      `${os.cpus().length} cores, Node ${process.version}`,
  );
  for (const format of ["csv", "xlsx"]) {
    const child = spawnSync(
      process.execPath,
      [childFile, format, path.join(dir, `sessions.${format}`), period.from, period.to],
      { env: { ...process.env, DATABASE_URL: url.toString() }, encoding: "utf8" },
    );
    if (child.status !== 0) {
      console.error(child.stderr);
      process.exit(1);
    }
    const result = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}");
    console.log(
      `${format.padEnd(5)} ${result.rows} rows  ${result.seconds.toFixed(1)} s  ` +
        `${(result.bytes / 1024 / 1024).toFixed(0)} MiB  peak RSS ${result.peakRssMb.toFixed(0)} MB ` +
        `(${result.baselineRssMb.toFixed(0)} MB before the first row)`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
}
