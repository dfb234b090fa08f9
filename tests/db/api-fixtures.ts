// Helpers for calling the /api/v1 route handlers directly, without a server.
import { inject } from "vitest";

import type { ApiScope } from "@/lib/auth/api-key-secret";
import { createApiKey } from "@/lib/db/api-keys";
import type { Db } from "@/lib/db/client";

import { createUser, testDb } from "./helpers";

/**
 * Points the route handlers' getDb() at the test database: DATABASE_URL for a client created
 * later, and `client` itself, which is the test's own client unless a test passes another.
 */
export function useTestDatabaseInHandlers(client: Db = testDb()): void {
  process.env.DATABASE_URL = inject("databaseUrl");
  (globalThis as unknown as { prisma?: Db }).prisma = client;
}

/** Creates an API key with `scopes` and returns its secret. */
export async function apiKeyWith(scopes: ApiScope[]): Promise<{ id: string; secret: string }> {
  const admin = await createUser("ADMIN");
  const { apiKey, secret } = await createApiKey(testDb(), {
    name: `test key ${scopes.join(" ")}`,
    scopes,
    actorId: admin.id,
  });

  return { id: apiKey.id, secret };
}

/** Builds a JSON POST request to `path`, with the API key and any extra headers. */
export function postJson(
  path: string,
  body: unknown,
  options: { secret?: string; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    ...options.headers,
  };
  if (options.secret) headers.Authorization = `Bearer ${options.secret}`;

  return new Request(`http://127.0.0.1${path}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export function get(path: string, secret?: string): Request {
  return new Request(`http://127.0.0.1${path}`, {
    headers: secret ? { Authorization: `Bearer ${secret}` } : {},
  });
}

export interface ErrorJson {
  error: {
    code: string;
    reason: string;
    message: string;
    fields: { field: string; message: string }[];
  };
}
