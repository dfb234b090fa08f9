// The embedded database: PostgreSQL compiled to WebAssembly (PGlite), persisted in a folder and
// served on a loopback port, so the app, the Prisma CLI and scripts all connect with a plain
// postgresql:// URL and the same driver as with a real server.
import { mkdirSync } from "node:fs";
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

  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 20 });

  try {
    await server.start();
  } catch (error) {
    await db.close();
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
  }

  return { url, stop };
}
