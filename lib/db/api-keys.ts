import type { Pool } from "pg";

import { type ApiScope, generateApiKeySecret, hashApiKeySecret } from "@/lib/auth/api-key-secret";
import { AppError } from "@/lib/errors";

import { recordAudit } from "./audit";
import type { Db } from "./client";
import type { ApiKey } from "./generated/client";

// lastUsedAt is written at most once a minute per key, so busy clients add no write per request.
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiKeySummary = Pick<
  ApiKey,
  "id" | "name" | "prefix" | "scopes" | "createdAt" | "lastUsedAt" | "revokedAt"
>;

const summarySelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

/**
 * Creates an API key and returns it with its secret. The secret is not stored, so this is the
 * only time anyone can read it.
 */
export async function createApiKey(
  db: Db,
  options: { name: string; scopes: ApiScope[]; actorId: string },
): Promise<{ apiKey: ApiKeySummary; secret: string }> {
  const { secret, prefix, hash } = generateApiKeySecret();
  const scopes = [...new Set(options.scopes)].sort();

  const apiKey = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { name: options.name, prefix, keyHash: hash, scopes, createdById: options.actorId },
      select: summarySelect,
    });
    await recordAudit(tx, {
      actorId: options.actorId,
      action: "apiKey.create",
      entityType: "ApiKey",
      entityId: created.id,
      after: { name: created.name, prefix, scopes },
    });

    return created;
  });

  return { apiKey, secret };
}

/** Returns every key, active ones first, newest first. */
export async function listApiKeys(db: Db): Promise<ApiKeySummary[]> {
  const keys = await db.apiKey.findMany({ select: summarySelect, orderBy: { createdAt: "desc" } });

  return [...keys.filter((key) => !key.revokedAt), ...keys.filter((key) => key.revokedAt)];
}

/**
 * Revokes a key, which takes effect on the next request that uses it. Revoking a revoked key
 * returns it unchanged. Throws NOT_FOUND (`apiKeys.notFound`).
 */
export async function revokeApiKey(
  db: Db,
  options: { id: string; actorId: string },
): Promise<ApiKeySummary> {
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id: options.id }, select: summarySelect });
    if (!key) throw new AppError("NOT_FOUND", "apiKeys.notFound");
    if (key.revokedAt) return key;

    const revoked = await tx.apiKey.update({
      where: { id: key.id },
      data: { revokedAt: new Date() },
      select: summarySelect,
    });
    await recordAudit(tx, {
      actorId: options.actorId,
      action: "apiKey.revoke",
      entityType: "ApiKey",
      entityId: key.id,
      before: { revokedAt: null },
      after: { revokedAt: revoked.revokedAt?.toISOString() ?? null },
    });

    return revoked;
  });
}

export interface UsedApiKey {
  id: string;
  name: string;
  scopes: string[];
  revoked: boolean;
}

/**
 * Returns the key whose secret is `secret`, revoked or not, or null. When the key is active and
 * has `scope`, the same statement sets its lastUsedAt to `now`, unless that was set less than a
 * minute ago. Every /api/v1 request runs it, so it uses the plain `pg` pool, which took about
 * half the time of Prisma's $queryRaw for a point read (docs/benchmarks.md).
 */
export async function findApiKeyAndMarkUsed(
  pool: Pool,
  options: { secret: string; scope: ApiScope; now?: Date },
): Promise<UsedApiKey | null> {
  const now = options.now ?? new Date();
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);

  // A data-modifying WITH runs to completion even though the SELECT does not read it. Timestamps
  // travel as ISO 8601 text and are stored as UTC, as Prisma stores DateTime.
  const result = await pool.query<UsedApiKey>(
    `WITH touched AS (
       UPDATE "ApiKey" SET "lastUsedAt" = $2::timestamptz AT TIME ZONE 'UTC'
       WHERE "keyHash" = $1 AND "revokedAt" IS NULL AND $4 = ANY("scopes")
         AND ("lastUsedAt" IS NULL OR "lastUsedAt" < $3::timestamptz AT TIME ZONE 'UTC')
       RETURNING "id"
     )
     SELECT "id", "name", "scopes", "revokedAt" IS NOT NULL AS "revoked"
     FROM "ApiKey" WHERE "keyHash" = $1`,
    [hashApiKeySecret(options.secret), now.toISOString(), staleBefore.toISOString(), options.scope],
  );

  return result.rows[0] ?? null;
}
