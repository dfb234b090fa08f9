// Times the registry import (preview and commit) of a synthetic ERP export on the embedded
// database, served by a separate pglite-server process as `npm start` does.
// Run: npx tsx scripts/bench/registry.mts [rows]
// With DATABASE_URL set, it runs on that (empty, migrated) database instead.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { createPrismaClient } from "@/lib/db/client";
import { commitRegistryImport, previewRegistryImport } from "@/lib/db/registry-import";
import { registryMappingSchema } from "@/lib/imports/registry-mapping";

import { syntheticRegistry } from "./registry-fixtures";

const rows = Number(process.argv[2] ?? 20_000);
const port = Number(process.env.BENCH_DB_PORT ?? 55_431);

const mapping = registryMappingSchema.parse({
  columns: {
    code: "Codice",
    name: "Ragione sociale",
    vatNumber: "Partita IVA",
    taxCode: "Codice fiscale",
    address: "Indirizzo",
    postalCode: "CAP",
    city: "Città",
    province: "Provincia",
    email: "Email",
  },
  devices: { TEAMVIEWER: "TeamViewer" },
});

async function withDatabase(run: (url: string) => Promise<void>): Promise<void> {
  if (process.env.DATABASE_URL) return run(process.env.DATABASE_URL);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), "assist-billing-bench-"));
  const server = spawn(
    "node_modules/.bin/pglite-server",
    [`--db=${dataDir}`, `--port=${port}`, "--max-connections=10"],
    { stdio: "ignore" },
  );
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  try {
    await waitForPort(port, 60_000);
    const migrated = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (migrated.status !== 0) throw new Error(`migrate deploy exit ${migrated.status}`);
    await run(url);
  } finally {
    server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// PGlite takes a few seconds to start on a busy machine.
async function waitForPort(target: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(target, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The embedded database did not open port ${target} within ${timeoutMs} ms`);
}

// Logs how long each phase of a commit took, to show where the time goes.
function logPhases() {
  let phase = "";
  let started = performance.now();

  return (event: { phase: string; done: number; total: number }) => {
    const now = performance.now();
    if (event.phase === phase && event.done === event.total) {
      console.log(`  ${phase.padEnd(26)} ${((now - started) / 1000).toFixed(2)} s (done)`);
    }
    if (event.phase === phase) return;
    if (phase) console.log(`  ${phase.padEnd(26)} ${((now - started) / 1000).toFixed(2)} s`);
    phase = event.phase;
    started = now;
  };
}

async function time<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`${label.padEnd(28)} ${seconds} s`);

  return result;
}

await withDatabase(async (url) => {
  const db = createPrismaClient(url);
  const first = syntheticRegistry(rows);
  const second = syntheticRegistry(rows, " bis");
  console.log(
    `Registry import of ${rows} rows (${(first.length / 1024 / 1024).toFixed(1)} MB) on ` +
      `${os.cpus().length} cores, Node ${process.version}`,
  );

  const input = { fileName: "bench.csv", bytes: first, mapping, actorId: null };
  const preview = await time("preview, all new", () => previewRegistryImport(db, input));
  const created = await time("commit, all new", () =>
    commitRegistryImport(db, { ...input, onProgress: logPhases() }),
  );
  await time("commit, all unchanged", () => commitRegistryImport(db, input));
  const updated = await time("commit, all names changed", () =>
    commitRegistryImport(db, { ...input, bytes: second }),
  );
  console.log(
    `rejected ${preview.counts.rejected}, new ${created.new}, devices ${created.devices}, ` +
      `updated ${updated.updated}`,
  );
  await db.$disconnect();
});
