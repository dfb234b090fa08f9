import { expect, type Page } from "@playwright/test";
import { Client } from "pg";

import { DEMO_ACCOUNTS, E2E } from "./environment";

export type DemoRole = keyof typeof DEMO_ACCOUNTS;

/** Signs in through next-auth's credentials endpoint, which sets the session cookie on the page. */
export async function signIn(page: Page, role: DemoRole): Promise<void> {
  const { email, password } = DEMO_ACCOUNTS[role];
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };

  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  expect(response.ok()).toBe(true);

  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.user?.email).toBe(email);
}

/** Runs one query against the app's database, to check what the pages show. */
export async function queryDb<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: E2E.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Formats whole minutes as the app does (Italian thousands separator). */
export function italianMinutes(minutes: number): string {
  return new Intl.NumberFormat("it-IT", { maximumFractionDigits: 0, useGrouping: true }).format(
    minutes,
  );
}
