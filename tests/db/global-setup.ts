// Prepares a fresh, migrated database for the integration tests. With TEST_DATABASE_URL pointing
// to a PostgreSQL server, a new database is created on it for this run and dropped afterwards.
// Otherwise the embedded database (PGlite) runs in a temporary folder.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { Client } from "pg";
import type { TestProject } from "vitest/node";

import { startEmbeddedDb } from "../../scripts/embedded-db.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = process.env.TEST_DATABASE_URL;
  const prepared = server ? await createServerDatabase(server) : await createEmbeddedDatabase();

  await migrate(prepared.url);
  project.provide("databaseUrl", prepared.url);

  return prepared.teardown;
}

async function createServerDatabase(serverUrl: string) {
  const name = `assist_billing_test_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;

  async function teardown() {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }

  return { url: url.toString(), teardown };
}

async function createEmbeddedDatabase() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "assist-billing-test-"));
  // TEST_DB_PORT sets the port of the embedded test database, for machines where only some ports
  // may be used.
  const port = Number(process.env.TEST_DB_PORT ?? 55000 + (process.pid % 5000));
  const db = await startEmbeddedDb({ dataDir, port });

  async function teardown() {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  return { url: db.url, teardown };
}

function migrate(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`migrate deploy exit ${code}`)),
    );
  });
}
