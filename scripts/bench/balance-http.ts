// The operator's balance lookup over HTTP (GET /api/v1/balance, warm, against a production
// server started here on loopback) against a bare `pg` point read of the same customer row.
import { type ChildProcess, spawn } from "node:child_process";

import { Client } from "pg";

import { createApiKey } from "@/lib/db/api-keys";
import type { Db } from "@/lib/db/client";

import { median } from "./measure";

const PORT = Number(process.env.BENCH_PORT ?? 3202);
const RUNS = 500;
const CUSTOMER_CODE = "B00042";

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
    const address = `http://127.0.0.1:${PORT}/api/v1/balance?customerCode=${CUSTOMER_CODE}`;
    const headers = { Authorization: `Bearer ${secret}` };
    const lookup = async () => {
      const response = await fetch(address, { headers });
      if (!response.ok) throw new Error(`Balance lookup failed with ${response.status}.`);
      await response.json();
    };
    for (let run = 0; run < 50; run += 1) await lookup();
    const http = await median(RUNS, lookup);

    await client.connect();
    const read = () =>
      client.query(`SELECT "code", "balanceMinutes" FROM "Customer" WHERE "code" = $1`, [
        CUSTOMER_CODE,
      ]);
    for (let run = 0; run < 50; run += 1) await read();
    const point = await median(RUNS, read);

    log(`\nBalance lookup of ${CUSTOMER_CODE}, median of ${RUNS} warm sequential requests`);
    log(`  HTTP GET /api/v1/balance: ${http.toFixed(2)} ms`);
    log(`  pg point read:            ${point.toFixed(2)} ms`);
    log(`  ratio:                    ${(http / point).toFixed(1)} (target 1.5 or less)`);
  } finally {
    await client.end().catch(() => {});
    stopServer(server);
  }
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
