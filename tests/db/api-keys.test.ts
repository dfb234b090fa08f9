import type { Pool } from "pg";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";

import { hashApiKeySecret, isApiKeySecret } from "@/lib/auth/api-key-secret";
import { createApiKey, findApiKeyAndMarkUsed, listApiKeys, revokeApiKey } from "@/lib/db/api-keys";
import { createPool } from "@/lib/db/client";

import { createUser, resetDatabase, testDb } from "./helpers";

let pool: Pool | null = null;

function testPool(): Pool {
  pool ??= createPool(inject("databaseUrl"));

  return pool;
}

describe("API keys", () => {
  beforeEach(resetDatabase);
  afterAll(() => pool?.end());

  it("stores only the hash of the secret", async () => {
    const admin = await createUser();

    const { apiKey, secret } = await createApiKey(testDb(), {
      name: "TeamViewer",
      scopes: ["sessions:write", "balance:read", "sessions:write"],
      actorId: admin.id,
    });
    const stored = await testDb().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });

    expect(isApiKeySecret(secret)).toBe(true);
    expect(secret.startsWith(`ab_${apiKey.prefix}_`)).toBe(true);
    expect(stored.keyHash).toBe(hashApiKeySecret(secret));
    expect(JSON.stringify(stored)).not.toContain(secret.slice(`ab_${apiKey.prefix}_`.length));
    expect(stored.scopes).toEqual(["balance:read", "sessions:write"]);
  });

  it("finds a key by its secret only", async () => {
    const admin = await createUser();
    const { apiKey, secret } = await createApiKey(testDb(), {
      name: "k",
      scopes: ["balance:read"],
      actorId: admin.id,
    });

    const found = await findApiKeyAndMarkUsed(testPool(), { secret, scope: "balance:read" });
    const other = await findApiKeyAndMarkUsed(testPool(), {
      secret: `${secret.slice(0, -1)}x`,
      scope: "balance:read",
    });

    expect(found).toEqual({
      id: apiKey.id,
      name: "k",
      scopes: ["balance:read"],
      revoked: false,
    });
    expect(other).toBeNull();
  });

  it("leaves lastUsedAt of a revoked key", async () => {
    const admin = await createUser();
    const { apiKey, secret } = await createApiKey(testDb(), {
      name: "k",
      scopes: ["balance:read"],
      actorId: admin.id,
    });
    await revokeApiKey(testDb(), { id: apiKey.id, actorId: admin.id });

    const found = await findApiKeyAndMarkUsed(testPool(), { secret, scope: "balance:read" });
    const stored = await testDb().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });

    expect(found?.revoked).toBe(true);
    expect(stored.lastUsedAt).toBeNull();
  });

  it("leaves lastUsedAt for a missing scope", async () => {
    const admin = await createUser();
    const { apiKey, secret } = await createApiKey(testDb(), {
      name: "k",
      scopes: ["balance:read"],
      actorId: admin.id,
    });

    const found = await findApiKeyAndMarkUsed(testPool(), { secret, scope: "sessions:write" });
    const stored = await testDb().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });

    expect(found?.scopes).toEqual(["balance:read"]);
    expect(stored.lastUsedAt).toBeNull();
  });

  it("revokes once and audits it", async () => {
    const admin = await createUser();
    const { apiKey } = await createApiKey(testDb(), {
      name: "k",
      scopes: ["balance:read"],
      actorId: admin.id,
    });

    const revoked = await revokeApiKey(testDb(), { id: apiKey.id, actorId: admin.id });
    const again = await revokeApiKey(testDb(), { id: apiKey.id, actorId: admin.id });
    const events = await testDb().auditEvent.findMany({ where: { entityId: apiKey.id } });

    expect(revoked.revokedAt).not.toBeNull();
    expect(again.revokedAt).toEqual(revoked.revokedAt);
    expect(events.map((event) => event.action).sort()).toEqual(["apiKey.create", "apiKey.revoke"]);
  });

  it("rejects revoking an unknown key", async () => {
    const admin = await createUser();

    await expect(
      revokeApiKey(testDb(), { id: "missing", actorId: admin.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", messageKey: "apiKeys.notFound" });
  });

  it("lists active keys first", async () => {
    const admin = await createUser();
    const first = await createApiKey(testDb(), {
      name: "old",
      scopes: ["balance:read"],
      actorId: admin.id,
    });
    await createApiKey(testDb(), { name: "new", scopes: ["balance:read"], actorId: admin.id });
    await revokeApiKey(testDb(), { id: first.apiKey.id, actorId: admin.id });

    const keys = await listApiKeys(testDb());

    expect(keys.map((key) => key.name)).toEqual(["new", "old"]);
  });

  it("writes lastUsedAt at most once a minute", async () => {
    const admin = await createUser();
    const { apiKey, secret } = await createApiKey(testDb(), {
      name: "k",
      scopes: ["balance:read"],
      actorId: admin.id,
    });
    const first = new Date("2026-05-14T10:00:00Z");
    const use = (now: Date) =>
      findApiKeyAndMarkUsed(testPool(), { secret, scope: "balance:read", now });

    await use(first);
    await use(new Date("2026-05-14T10:00:30Z"));
    const soon = await testDb().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    await use(new Date("2026-05-14T10:01:01Z"));
    const later = await testDb().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });

    expect(soon.lastUsedAt).toEqual(first);
    expect(later.lastUsedAt).toEqual(new Date("2026-05-14T10:01:01Z"));
  });
});
