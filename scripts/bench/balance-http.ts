// The operator's balance lookup over HTTP (GET /api/v1/balance, warm, against a production
// server started here on loopback) against a bare `pg` point read of the same customer row. It
// also reports the server's own timings from its Server-Timing header, and the floor of Next.js
// itself: a 404 of an unknown /api/v1 path, which touches no database.
import { type ChildProcess, spawn } from "node:child_process";

import { Client } from "pg";

import { createApiKey } from "@/lib/db/api-keys";
import { BALANCE_COLUMNS } from "@/lib/db/balance-point-read";
import type { Db } from "@/lib/db/client";

import { median, medianOf } from "./measure";

const PORT = Number(process.env.BENCH_PORT ?? 3202);
const RUNS = 500;
const WARM_UP_RUNS = 50;
const CUSTOMER_CODE = "B00042";
// The ratio of the balance read to a bare point read that the lookup should stay within.
const TARGET_RATIO = 1.5;

export async function benchBalanceLookup(databaseUrl: string, db: Db, log: (text: string) => void) {
  const admin = await db.user.upsert({
    where: { email: "bench-admin@example.test" },
    update: {},
    create: {
      email: "bench-admin@example.test",
      name: "Bench admin",
      role: "ADMIN",
      passwordHash: "not-used",
    },
  });
  const { secret } = await createApiKey(db, {
    name: "benchmark",
    scopes: ["balance:read"],
    actorId: admin.id,
  });

  const server = startServer(databaseUrl);
  const client = new Client({ connectionString: databaseUrl });
  try {
    await waitForServer();
    const base = `http://127.0.0.1:${PORT}/api/v1`;
    const headers = { Authorization: `Bearer ${secret}` };
    const timings = { total: [] as number[], auth: [] as number[], db: [] as number[] };
    const lookup = async () => {
      const response = await fetch(`${base}/balance?customerCode=${CUSTOMER_CODE}`, { headers });
      if (!response.ok) throw new Error(`Balance lookup failed with ${response.status}.`);
      await response.json();
      const steps = readServerTiming(response);
      for (const name of ["total", "auth", "db"] as const) timings[name].push(steps[name]);
    };
    for (let run = 0; run < WARM_UP_RUNS; run += 1) await lookup();
    const http = await median(RUNS, lookup);

    const floorTotals: number[] = [];
    const unknownPath = async () => {
      const response = await fetch(`${base}/no-such-endpoint`, { headers });
      if (response.status !== 404) throw new Error(`Unknown path gave ${response.status}.`);
      await response.json();
      floorTotals.push(readServerTiming(response).total);
    };
    for (let run = 0; run < WARM_UP_RUNS; run += 1) await unknownPath();
    const floor = await median(RUNS, unknownPath);

    await client.connect();
    const read = () =>
      client.query(`SELECT ${BALANCE_COLUMNS} FROM "Customer" WHERE "code" = $1`, [CUSTOMER_CODE]);
    for (let run = 0; run < WARM_UP_RUNS; run += 1) await read();
    const point = await median(RUNS, read);

    // The last RUNS values belong to the timed requests.
    const serverMs = {
      total: medianOf(timings.total.slice(-RUNS)),
      auth: medianOf(timings.auth.slice(-RUNS)),
      db: medianOf(timings.db.slice(-RUNS)),
      floor: medianOf(floorTotals.slice(-RUNS)),
    };
    log(`\nBalance lookup of ${CUSTOMER_CODE}, median of ${RUNS} warm sequential requests`);
    log(`  HTTP GET /api/v1/balance, end to end:       ${ms(http)}`);
    log(`    server total (Server-Timing):             ${ms(serverMs.total)}`);
    log(`    auth: API key and lastUsedAt, 1 statement: ${ms(serverMs.auth)}`);
    log(`    db: balance read, 1 statement:            ${ms(serverMs.db)}`);
    log(`  Next.js floor: HTTP GET of a 404 /api/v1 path, no database: ${ms(floor)}`);
    log(`    server total (Server-Timing):             ${ms(serverMs.floor)}`);
    log(`  pg point read of the same columns:          ${ms(point)}`);
    log(`  db / pg:         ${ratio(serverMs.db, point)}`);
    log(`  HTTP / pg:       ${ratio(http, point)}`);
    log(`  HTTP floor / pg: ${(floor / point).toFixed(1)}, so HTTP / pg cannot go below it`);
  } finally {
    await client.end().catch(() => {});
    stopServer(server);
  }
}

function ms(value: number): string {
  return `${value.toFixed(2).padStart(7)} ms`;
}

function ratio(value: number, base: number): string {
  const result = value / base;
  const verdict = result <= TARGET_RATIO ? "met" : "missed";

  return `${result.toFixed(1)} (target ${TARGET_RATIO} or less: ${verdict})`;
}

/** Parses `name;dur=1.23, …` into durations in milliseconds by name. Absent names are NaN. */
function readServerTiming(response: Response): Record<string, number> {
  const header = response.headers.get("Server-Timing") ?? "";
  const steps: Record<string, number> = { total: NaN, auth: NaN, db: NaN };
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().split(";");
    const duration = params.find((param) => param.trim().startsWith("dur="));
    if (duration) steps[name] = Number(duration.trim().slice(4));
  }

  return steps;
}

function startServer(databaseUrl: string): ChildProcess {
  return spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(PORT)],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: "benchmark-only-secret",
        NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
      },
      stdio: "ignore",
      detached: true,
    },
  );
}

// The server runs in its own process group, so the whole group stops with it.
function stopServer(server: ChildProcess) {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}

async function waitForServer() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/login`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not respond on port ${PORT} within 60 s.`);
}
