import path from "node:path";

// Where the end-to-end tests run the app: its own port, database folder and demo-data date, so
// the tests never touch the data of `npm start`.
export const E2E = {
  port: 3100,
  baseUrl: "http://127.0.0.1:3100",
  dbPort: 54330,
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
