// Deterministic large dataset for the dashboard benchmark, generated on the PostgreSQL server with
// INSERT ... SELECT over generate_series: no random(), so every run produces the same rows.
import { spawnSync } from "node:child_process";

import { Client } from "pg";

export const BENCH_SIZE = {
  customers: 10_000,
  sessions: 1_000_000,
  topUps: 200_000,
  operators: 20,
  // Three years of local days, ending on 30 November 2026.
  days: 1_096,
};
// First instant after the data: 1 December 2026 at midnight in Rome.
export const BENCH_END = "2026-11-30T23:00:00Z";

/** Drops and recreates `name` on the server of `serverUrl` and applies the migrations. */
export async function createBenchDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  migrateBenchDatabase(url.toString());

  return url.toString();
}

/** Applies the migrations that `url` lacks, so a reused database gets the current schema. */
export function migrateBenchDatabase(url: string) {
  const migrate = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  if (migrate.status !== 0) throw new Error(`Migrations failed on ${new URL(url).pathname}.`);
}

/**
 * Inserts customers, closed sessions with their SESSION entries, and top-ups (postpaid billing for
 * postpaid customers), then sets each balance to its ledger's sum and each last top-up. Customers
 * are skewed, so a few consume much more than the rest and the top-ten charts have a clear ranking.
 */
export async function generateBenchData(url: string, log: (text: string) => void) {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { customers, sessions, topUps, operators, days } = BENCH_SIZE;
  const start = `(TIMESTAMP '${BENCH_END.replace("T", " ").replace("Z", "")}' - INTERVAL '${days} days')`;
  const step = async (label: string, sql: string) => {
    const started = performance.now();
    await client.query(sql);
    log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };

  try {
    await client.query("SET synchronous_commit = off");
    await step(
      `${customers} customers`,
      `INSERT INTO "Customer" ("id", "code", "name", "billingMode", "lowBalanceThreshold",
         "lowBalanceKind", "updatedAt")
       SELECT 'bench-c' || i, 'B' || lpad(i::text, 5, '0'), 'Cliente di prova ' || i,
         (CASE WHEN i % 5 = 0 THEN 'POSTPAID' ELSE 'PREPAID' END)::"BillingMode",
         CASE i % 3 WHEN 0 THEN 60 WHEN 1 THEN 20 END,
         (CASE WHEN i % 3 = 1 THEN 'PERCENT_OF_LAST_TOP_UP' ELSE 'MINUTES' END)::"ThresholdKind",
         now()
       FROM generate_series(1, ${customers}) i`,
    );
    // Session i starts on day floor((i - 1) * days / sessions), between 07:00 and 17:00 UTC.
    await step(
      `${sessions} sessions`,
      `INSERT INTO "Session" ("id", "code", "customerId", "operatorName", "status", "source",
         "startedAt", "endedAt", "seconds", "billedMinutes", "updatedAt")
       SELECT 'bench-s' || i, 'bench-s' || i,
         'bench-c' || (1 + floor(${customers - 1} * power(((i::bigint * 7919) % 10007) / 10007.0, 2)))::int,
         'Operatore ' || lpad((1 + (i::bigint * i) % ${operators})::text, 2, '0'),
         'CLOSED', 'IMPORT', started, started + seconds * INTERVAL '1 second', seconds,
         ceil(seconds / 60.0)::int, now()
       FROM (
         SELECT i, 60 + (i::bigint * 31337) % 3600 AS seconds,
           ${start} + floor((i - 1)::bigint * ${days} / ${sessions}) * INTERVAL '1 day'
             + (25200 + (i::bigint * 104729) % 36000) * INTERVAL '1 second' AS started
         FROM generate_series(1, ${sessions}) i
       ) s`,
    );
    await step(
      `${sessions} SESSION entries and ${topUps} top-ups`,
      `INSERT INTO "LedgerEntry" ("id", "customerId", "kind", "minutes", "balanceAfter",
         "occurredAt", "createdAt", "sessionId", "expiresAt")
       SELECT "id", "customerId", "kind", "minutes",
         SUM("minutes") OVER (PARTITION BY "customerId" ORDER BY "occurredAt", "id"),
         "occurredAt", "occurredAt", "sessionId", "expiresAt"
       FROM (
         SELECT 'bench-l' || s."id" AS "id", s."customerId", 'SESSION'::"LedgerKind" AS "kind",
           -s."billedMinutes" AS "minutes", s."endedAt" AS "occurredAt", s."id" AS "sessionId",
           NULL::timestamp AS "expiresAt"
         FROM "Session" s
         UNION ALL
         SELECT 'bench-t' || j, 'bench-c' || c,
           (CASE WHEN c % 5 = 0 THEN 'POSTPAID_BILLING' ELSE 'TOP_UP' END)::"LedgerKind",
           60 * (1 + j % 10), at, NULL,
           CASE WHEN j % 2 = 0 AND c % 5 <> 0 THEN at + INTERVAL '365 days' END
         FROM (
           SELECT j, 1 + (j::bigint * 4099) % ${customers} AS c,
             ${start} + floor((j - 1)::bigint * ${days} / ${topUps}) * INTERVAL '1 day'
               + INTERVAL '9 hours' AS at
           FROM generate_series(1, ${topUps}) j
         ) t
       ) entries
       ORDER BY "occurredAt", "id"`,
    );
    await step(
      "balances",
      `UPDATE "Customer" c SET "balanceMinutes" = l."sum", "lastTopUpMinutes" = l."lastTopUp"
       FROM (SELECT "customerId", SUM("minutes")::int AS "sum",
               (ARRAY_AGG("minutes" ORDER BY "sequence" DESC) FILTER (
                 WHERE "kind" = 'TOP_UP' AND "minutes" > 0 AND "reversesId" IS NULL
               ))[1] AS "lastTopUp"
             FROM "LedgerEntry" GROUP BY "customerId") l
       WHERE l."customerId" = c."id"`,
    );
    await step("analyze", "ANALYZE");
  } finally {
    await client.end();
  }
}
