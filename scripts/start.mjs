#!/usr/bin/env node
// `npm start`: prepares the database, seeds demo data into an empty one, builds when the sources
// changed, and serves the app. Without DATABASE_URL it serves the embedded database from .data/.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

import { DEFAULT_PORT, startEmbeddedDb } from "./embedded-db.mjs";
import { NEXT_BIN, runNode, TSX_BIN } from "./run.mjs";

// The build is redone only when a file it depends on changed since the last build.
const BUILD_STAMP = path.join(".next", "source-hash");

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.NEXTAUTH_URL ??= `http://localhost:${port}`;
env.NEXTAUTH_SECRET ??= readOrCreateSecret(path.join(".data", "auth-secret"));

// Fail before minutes of migrating and building when the app could not listen anyway.
if (!(await isPortFree(Number(port)))) {
  console.error(`Port ${port} is in use: stop the other server or start with PORT=<free port>.`);
  process.exit(1);
}

let embedded = null;
if (!env.DATABASE_URL) {
  const dbPort = Number(env.EMBEDDED_DB_PORT ?? DEFAULT_PORT);
  try {
    embedded = await startEmbeddedDb({ dataDir: env.EMBEDDED_DB_DIR, port: dbPort });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  env.DATABASE_URL = embedded.url;
  // PGlite runs one session for all socket connections, and interleaved queries from a pool
  // fail ("prepared statement does not exist"), so the app queues its queries on one connection.
  env.DB_POOL_SIZE ??= "1";
  console.log(`Embedded database ready on 127.0.0.1:${dbPort}`);
}

async function shutdown(code) {
  if (embedded) await embedded.stop().catch(() => {});
  process.exit(code);
}

try {
  await runNode("scripts/prisma.mjs", ["migrate", "deploy"], { env });
  await runNode(TSX_BIN, ["prisma/seed/index.ts"], { env });
  if (!dev && buildIsStale()) {
    await runNode(NEXT_BIN, ["build"], { env });
    writeFileSync(BUILD_STAMP, sourceHash());
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}

const server = spawn(process.execPath, [NEXT_BIN, dev ? "dev" : "start", "-p", port], {
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code) => shutdown(code ?? 0));

function buildIsStale() {
  if (!existsSync(path.join(".next", "BUILD_ID")) || !existsSync(BUILD_STAMP)) return true;

  return readFileSync(BUILD_STAMP, "utf8") !== sourceHash();
}

// A random secret for signing session tokens, created once per installation. Several app
// instances behind one address must share NEXTAUTH_SECRET instead.
function readOrCreateSecret(file) {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();

  const secret = randomBytes(32).toString("hex");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });

  return secret;
}

function sourceHash() {
  const hash = createHash("sha256");
  const roots = ["app", "components", "lib", "messages", "public", "proxy.ts"];
  const files = ["package-lock.json", "next.config.js", "tailwind.config.ts", "tsconfig.json"];

  for (const file of [...files, ...roots.flatMap(listFiles)].sort()) {
    if (!existsSync(file)) continue;
    hash.update(file);
    hash.update(readFileSync(file));
  }

  return hash.digest("hex");
}

function listFiles(root) {
  if (!existsSync(root)) return [];
  if (!statSync(root).isDirectory()) return [root];

  return readdirSync(root, { withFileTypes: true }).flatMap((entry) =>
    listFiles(path.join(root, entry.name)),
  );
}

function isPortFree(portNumber) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(portNumber, () => probe.close(() => resolve(true)));
  });
}
