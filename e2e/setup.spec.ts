import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

import { expect, test } from "@playwright/test";
import { Client } from "pg";

import { E2E } from "./environment";

// A second server with DEMO_DATA=off on its own empty embedded database, on ports 50 above the
// main end-to-end server's. It reuses the build the main server made.
const port = E2E.port + 50;
const dbPort = E2E.dbPort + 50;
const baseUrl = `http://127.0.0.1:${port}`;
const dataDir = path.resolve(".data", "e2e-setup");
const databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres?sslmode=disable`;

let server: ChildProcess | null = null;

async function queryEmptyDb<T>(sql: string): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(url, { redirect: "manual" }).catch(() => null);
    if (response) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`server at ${url} did not start within ${timeoutMs} ms`);
}

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  server = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      EMBEDDED_DB_DIR: dataDir,
      EMBEDDED_DB_PORT: String(dbPort),
      DEMO_DATA: "off",
      NEXTAUTH_SECRET: "e2e-setup-only-secret",
      NEXTAUTH_URL: baseUrl,
      LOG_LEVEL: "warn",
    },
    // Its own process group, so the server and its embedded database stop together.
    detached: true,
    stdio: "ignore",
  });
  await waitForServer(`${baseUrl}/setup`, 150_000);
});

test.afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  server = null;
});

test("[setup] empty database leads to setup, which creates the administrator", async ({ page }) => {
  await page.goto(`${baseUrl}/customers`);
  await expect(page).toHaveURL(`${baseUrl}/setup`);
  await page.goto(`${baseUrl}/login`);
  await expect(page).toHaveURL(`${baseUrl}/setup`);

  await page.getByLabel("Nome e cognome").fill("Giulia Bianchi");
  await page.getByLabel("Email").fill("giulia@example.com");
  await page.getByLabel("Password", { exact: true }).fill("first-admin-2026");
  await page.getByLabel("Ripeti la password").fill("first-admin-2026");
  await page.getByLabel("Ragione sociale").fill("Assistenza Rossi S.r.l.");
  await page.getByLabel("Indirizzo").fill("Via Roma 1, 20121 Milano");
  await page.getByLabel("Partita IVA").fill("01234567890");
  await page.getByRole("button", { name: "Crea amministratore e accedi" }).click();
  await expect(page.getByText("cifra di controllo non corrisponde")).toBeVisible();
  await page.screenshot({ path: "test-results/setup-page.png", fullPage: true });
  expect(await queryEmptyDb(`SELECT id FROM "User"`)).toHaveLength(0);

  await page.getByLabel("Partita IVA").fill("01234567897");
  await page.getByRole("button", { name: "Crea amministratore e accedi" }).click();
  await expect(page).toHaveURL(`${baseUrl}/lookup`);
  await expect(page.getByTestId("current-user")).toContainText("Giulia Bianchi");

  const [company] = await queryEmptyDb<{ value: { vatNumber: string } }>(
    `SELECT value FROM "Setting" WHERE key = 'company'`,
  );
  expect(company.value.vatNumber).toBe("01234567897");
});

test("[setup] is unreachable once an administrator exists", async ({ page, request }) => {
  const response = await page.goto(`${baseUrl}/setup`);
  expect(response?.status()).toBe(404);

  const api = await request.post(`${baseUrl}/api/setup`, { data: {} });
  expect(api.status()).toBe(404);
  const admins = await queryEmptyDb(`SELECT id FROM "User" WHERE role = 'ADMIN'`);
  expect(admins).toHaveLength(1);
});
