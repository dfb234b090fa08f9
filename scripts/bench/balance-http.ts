// The operator's balance lookup over HTTP (GET /api/v1/balance, warm, against a production
// server started here on loopback) against a bare `pg` point read of the same customer row. It
// also reports the server's own timings from its Server-Timing header, and the floor of Next.js
// itself: a 404 of an unknown /api/v1 path, which touches no database.
import { type ChildProcess, spawn } from "node:child_process";

import { Client } from "pg";

import { createApiKey } from "@/lib/db/api-keys";
import { BALANCE_COLUMNS } from "@/lib/db/balance-point-read";
import type { Db } from "@/lib/db/client";
import { applyDueExpiries } from "@/lib/db/credit-expiry";

import { medianOf } from "./measure";

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

  // A running app has recorded the expiries due by now. Recording them here keeps the server's
  // start-up run from catching up on the generated data while the requests are timed.
  await applyDueExpiries(db);
  const server = startServer(databaseUrl);
  const client = new Client({ connectionString: databaseUrl });
  try {
    await waitForServer();
    const base = `http://127.0.0.1:${PORT}/api/v1`;
    const headers = { Authorization: `Bearer ${secret}` };
    const samples = {
      http: [] as number[],
      total: [] as number[],
      auth: [] as number[],
      db: [] as number[],
      floor: [] as number[],
      floorTotal: [] as number[],
      point: [] as number[],
    };
    const timed = async (into: number[], work: () => Promise<void>) => {
      const started = performance.now();
      await work();
      into.push(performance.now() - started);
    };
    const lookup = async () => {
      const response = await fetch(`${base}/balance?customerCode=${CUSTOMER_CODE}`, { headers });
      if (!response.ok) throw new Error(`Balance lookup failed with ${response.status}.`);
      await response.json();
      const steps = readServerTiming(response);
      for (const name of ["total", "auth", "db"] as const) samples[name].push(steps[name]);
    };
    const unknownPath = async () => {
      const response = await fetch(`${base}/no-such-endpoint`, { headers });
      if (response.status !== 404)
        throw new Error(`Expected 404 for an unknown path, got ${response.status}.`);
      await response.json();
      samples.floorTotal.push(readServerTiming(response).total);
    };
    await client.connect();
    const read = async () => {
      await client.query(`SELECT ${BALANCE_COLUMNS} FROM "Customer" WHERE "code" = $1`, [
        CUSTOMER_CODE,
      ]);
    };

    // The three requests take turns, so a change of the machine's load during the run weighs on
    // all of them alike. Samples of the warm-up runs are dropped.
    for (let run = 0; run < WARM_UP_RUNS + RUNS; run += 1) {
      if (run === WARM_UP_RUNS) for (const list of Object.values(samples)) list.length = 0;
      await timed(samples.http, lookup);
      await timed(samples.floor, unknownPath);
      await timed(samples.point, read);
    }
    const [http, floor, point] = [samples.http, samples.floor, samples.point].map(medianOf);
    // Reads back to back, with nothing in between, measured faster than the same read taking turns
    // with HTTP requests (0.2 against 0.6 ms on a loaded 2-core machine), so both are reported.
    const backToBack: number[] = [];
    for (let run = 0; run < WARM_UP_RUNS + RUNS; run += 1) await timed(backToBack, read);
    const hotPoint = medianOf(backToBack.slice(-RUNS));
    const serverMs = {
      total: medianOf(samples.total),
      auth: medianOf(samples.auth),
      db: medianOf(samples.db),
      floor: medianOf(samples.floorTotal),
    };
    const rows: [string, string][] = [
      ["HTTP GET /api/v1/balance, end to end", ms(http)],
      ["  server total (Server-Timing)", ms(serverMs.total)],
      ["  auth: API key and lastUsedAt, 1 statement", ms(serverMs.auth)],
      ["  db: balance read, 1 statement", ms(serverMs.db)],
      ["Next.js floor: HTTP GET of a 404 under /api/v1", ms(floor)],
      ["  server total (Server-Timing), no database", ms(serverMs.floor)],
      ["pg point read, same columns, back to back", ms(hotPoint)],
      ["pg point read, same columns, taking turns", ms(point)],
      ["db / pg back to back", ratio(serverMs.db, hotPoint)],
      ["db / pg taking turns", ratio(serverMs.db, point)],
      ["HTTP / pg back to back", ratio(http, hotPoint)],
      [
        "Next.js floor / pg back to back",
        `${(floor / hotPoint).toFixed(1)}, below which HTTP / pg cannot go`,
      ],
    ];
    log(`\nBalance lookup of ${CUSTOMER_CODE}, median of ${RUNS} warm sequential requests each`);
    for (const [label, value] of rows) log(`  ${label.padEnd(48)} ${value}`);
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
