import path from "node:path";

// Where the end-to-end tests run the app: its own port, database folder and demo-data date, so
// the tests never touch the data of `npm start`. E2E_PORT and E2E_DB_PORT move them, so two
// checkouts on one machine can run their end-to-end tests at the same time.
const port = Number(process.env.E2E_PORT ?? 3100);

export const E2E = {
  port,
  baseUrl: `http://127.0.0.1:${port}`,
  dbPort: Number(process.env.E2E_DB_PORT ?? 54330),
  dataDir: path.resolve(".data", "e2e"),
  anchorDate: "2026-11-30",
  get databaseUrl() {
    return `postgresql://postgres:postgres@127.0.0.1:${this.dbPort}/postgres?sslmode=disable`;
  },
};

export const DEMO_ACCOUNTS = {
  ADMIN: { email: "admin@example.com", password: "admin-demo-2026" },
  MANAGER: { email: "manager@example.com", password: "manager-demo-2026" },
  OPERATOR: { email: "operatore@example.com", password: "operatore-demo-2026" },
} as const;
