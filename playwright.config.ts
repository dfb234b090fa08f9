import { defineConfig } from "@playwright/test";

import { E2E } from "./e2e/environment";

// Debian's Chromium: Playwright's own browser download cannot run on machines without internet.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  // Keeps Chromium from resolving Google hosts; only the app on loopback is reachable.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

export default defineConfig({
  testDir: "e2e",
  // The tests share one database and server, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: E2E.baseUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: chromiumArgs,
    },
  },
  webServer: {
    // A fresh embedded database each run, seeded with demo data at a fixed date.
    command: `rm -rf ${E2E.dataDir} && node scripts/start.mjs`,
    url: `${E2E.baseUrl}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(E2E.port),
      EMBEDDED_DB_DIR: E2E.dataDir,
      EMBEDDED_DB_PORT: String(E2E.dbPort),
      DEMO_ANCHOR_DATE: E2E.anchorDate,
      NEXTAUTH_SECRET: "e2e-only-secret",
      LOG_LEVEL: "warn",
    },
  },
});
