// The embedded database is PostgreSQL compiled to WebAssembly (PGlite), persisted in a folder and
// served on a loopback port. So the app, the Prisma CLI and scripts all connect with a plain
// postgresql:// URL and the same driver as with a real server.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export const DEFAULT_DATA_DIR = path.resolve(".data", "pglite");
export const DEFAULT_PORT = 54329;

/**
 * Starts PGlite on `dataDir` and serves it on 127.0.0.1:`port`.
 * Returns the connection URL and a function that stops the server and closes the database.
 */
export async function startEmbeddedDb({ dataDir = DEFAULT_DATA_DIR, port = DEFAULT_PORT } = {}) {
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = lockDataDir(dataDir);

  let db;
  try {
    db = await PGlite.create(dataDir);
  } catch (error) {
    releaseLock();
    throw error;
  }
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 20 });

  try {
    await server.start();
  } catch (error) {
    await db.close();
    releaseLock();
    if (error && error.code === "EADDRINUSE") {
      throw new Error(
        `Port ${port} for the embedded database is in use: stop the other process or set ` +
          `EMBEDDED_DB_PORT to a free port.`,
      );
    }
    throw error;
  }

  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;

  async function stop() {
    await server.stop();
    await db.close();
    releaseLock();
  }

  return { url, stop };
}

/**
 * Marks `dataDir` as open by this process. PGlite keeps the database in memory and writes it back
 * to the folder, so two processes on one folder silently lose each other's writes. A lock left by
 * a process that no longer runs is taken over.
 */
function lockDataDir(dataDir) {
  const lockFile = path.join(dataDir, "assist-billing.lock");

  try {
    writeFileSync(lockFile, String(process.pid), { flag: "wx" });
  } catch (error) {
    if (error.code !== "EEXIST") throw error;

    const owner = Number(readFileSync(lockFile, "utf8"));
    if (isRunning(owner) && owner !== process.pid) {
      throw new Error(
        `The embedded database in ${dataDir} is already open by process ${owner}. Stop that ` +
          `process first, or set EMBEDDED_DB_DIR to another folder.`,
      );
    }
    writeFileSync(lockFile, String(process.pid));
  }

  return () => rmSync(lockFile, { force: true });
}

function isRunning(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;

  try {
    process.kill(pid, 0);

    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
