import { AppError } from "@/lib/errors";

import type { Db } from "./client";
import { Prisma } from "./generated/client";

// Retries come within minutes; a day covers a client that retries after an outage of its own.
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60_000;

export interface ApiResult {
  status: number;
  // A JSON object: the response body.
  body: object;
}

export interface IdempotentResult extends ApiResult {
  // True when the stored response of an earlier request was returned.
  replayed: boolean;
}

/**
 * Runs `run` once per idempotency key of an API key. A retry with the same key and request hash
 * within IDEMPOTENCY_RETENTION_MS returns the stored response without running again. The same
 * key with another request hash throws CONFLICT (`api.idempotencyKeyReused`). Only successful
 * (2xx) results are stored, because a failed request changed nothing and may be retried as is.
 *
 * NOTE: two requests with the same key that arrive together both run, and the second returns the
 * first one's stored response. This charges once only because every write behind it is itself
 * idempotent on the session code.
 */
export async function runIdempotent(
  db: Db,
  options: { apiKeyId: string; key: string; requestHash: string; now?: Date },
  run: () => Promise<ApiResult>,
): Promise<IdempotentResult> {
  const now = options.now ?? new Date();
  const where = { apiKeyId_key: { apiKeyId: options.apiKeyId, key: options.key } };

  const stored = await db.idempotencyRecord.findUnique({ where });
  if (stored && now.getTime() - stored.createdAt.getTime() <= IDEMPOTENCY_RETENTION_MS) {
    return replay(stored, options.requestHash);
  }
  if (stored) await db.idempotencyRecord.deleteMany({ where: { id: stored.id } });

  const result = await run();
  if (result.status < 200 || result.status > 299) return { ...result, replayed: false };

  try {
    await db.idempotencyRecord.create({
      data: {
        apiKeyId: options.apiKeyId,
        key: options.key,
        requestHash: options.requestHash,
        status: result.status,
        response: result.body as Prisma.InputJsonObject,
      },
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) {
      throw error;
    }
    // A concurrent request with the same key stored its response first.
    return replay(await db.idempotencyRecord.findUniqueOrThrow({ where }), options.requestHash);
  }

  return { ...result, replayed: false };
}

function replay(
  stored: { requestHash: string; status: number; response: Prisma.JsonValue },
  requestHash: string,
): IdempotentResult {
  if (stored.requestHash !== requestHash) {
    throw new AppError("CONFLICT", "api.idempotencyKeyReused", {
      fields: [{ field: "Idempotency-Key", message: "api.idempotencyKeyReused" }],
    });
  }

  return { status: stored.status, body: stored.response as Prisma.JsonObject, replayed: true };
}
