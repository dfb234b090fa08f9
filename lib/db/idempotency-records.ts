import { AppError } from "@/lib/errors";

import type { Db } from "./client";
import { Prisma } from "./generated/client";

// Retries come within minutes; a day covers a client that retries after an outage of its own.
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60_000;
// A claim whose request has not finished after this long belongs to a request that died (the
// server stopped mid-request), so a retry may claim the key again. Requests give up far sooner:
// a ledger transaction waits at most 30 s for a connection.
export const IDEMPOTENCY_CLAIM_TIMEOUT_MS = 5 * 60_000;
// How long a retry waits for a concurrent request with the same key and body to finish.
const PENDING_WAIT_MS = 15_000;
const PENDING_POLL_MS = 50;
// Status of a record whose request is still running.
const PENDING_STATUS = 0;

export interface ApiResult {
  status: number;
  // A JSON object: the response body.
  body: object;
}

export interface IdempotentResult extends ApiResult {
  // True when the stored response of an earlier request was returned.
  replayed: boolean;
}

interface KeyOptions {
  apiKeyId: string;
  key: string;
  requestHash: string;
  now?: Date;
}

type StoredRecord = { id: string; requestHash: string; status: number; response: Prisma.JsonValue };

export type ClaimResult =
  | { kind: "claimed"; id: string }
  | { kind: "stored"; record: StoredRecord }
  | { kind: "pending" };

/**
 * Runs `run` once per idempotency key of an API key. A retry with the same key and request hash
 * within IDEMPOTENCY_RETENTION_MS returns the stored response without running again. The same
 * key with another request hash throws CONFLICT (`api.idempotencyKeyReused`) and writes nothing.
 *
 * The key is claimed with a pending record before `run` starts, and the unique (apiKeyId, key)
 * index lets only one request claim it. So of concurrent requests sharing a key only the claimant
 * runs: the others are rejected when their body differs, or wait for its response when it is the
 * same. Only successful (2xx) results are stored. A failed request releases its claim, because
 * it changed nothing and may be retried as is.
 */
export async function runIdempotent(
  db: Db,
  options: KeyOptions,
  run: () => Promise<ApiResult>,
): Promise<IdempotentResult> {
  const claim = await waitForClaim(db, options);
  if (claim.kind === "stored") return replay(claim.record, options.requestHash);

  let result: ApiResult;
  try {
    result = await run();
  } catch (error) {
    await db.idempotencyRecord.deleteMany({ where: { id: claim.id } });
    throw error;
  }

  if (result.status < 200 || result.status > 299) {
    await db.idempotencyRecord.deleteMany({ where: { id: claim.id } });
  } else {
    await db.idempotencyRecord.update({
      where: { id: claim.id },
      data: { status: result.status, response: result.body as Prisma.InputJsonObject },
    });
  }

  return { ...result, replayed: false };
}

// Claims the key, or returns the stored response, waiting while a request with the same body
// runs. Throws CONFLICT (`api.idempotencyKeyInProgress`) when that request takes too long.
async function waitForClaim(
  db: Db,
  options: KeyOptions,
): Promise<Exclude<ClaimResult, { kind: "pending" }>> {
  const deadline = Date.now() + PENDING_WAIT_MS;

  for (;;) {
    const claim = await claimIdempotencyKey(db, options);
    if (claim.kind !== "pending") return claim;
    if (Date.now() > deadline) {
      throw new AppError("CONFLICT", "api.idempotencyKeyInProgress", {
        fields: [{ field: "Idempotency-Key", message: "api.idempotencyKeyInProgress" }],
      });
    }

    await new Promise((resolve) => setTimeout(resolve, PENDING_POLL_MS));
  }
}

/**
 * Inserts a pending record for the key, so this request alone may run it. Returns the stored
 * record when the key already has a response, and `pending` while a request with the same hash
 * runs. Throws CONFLICT (`api.idempotencyKeyReused`) when the key belongs to another request
 * hash. Expired records and abandoned claims are deleted and the key claimed anew.
 */
export async function claimIdempotencyKey(db: Db, options: KeyOptions): Promise<ClaimResult> {
  const now = options.now ?? new Date();
  const where = { apiKeyId_key: { apiKeyId: options.apiKeyId, key: options.key } };

  for (;;) {
    try {
      const created = await db.idempotencyRecord.create({
        data: {
          apiKeyId: options.apiKeyId,
          key: options.key,
          requestHash: options.requestHash,
          status: PENDING_STATUS,
          response: {},
          createdAt: now,
        },
        select: { id: true },
      });

      return { kind: "claimed", id: created.id };
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) {
        throw error;
      }
    }

    const stored = await db.idempotencyRecord.findUnique({ where });
    // Released by a failed request between the insert and this read: try again.
    if (!stored) continue;

    const pending = stored.status === PENDING_STATUS;
    const ageMs = now.getTime() - stored.createdAt.getTime();
    if (ageMs > (pending ? IDEMPOTENCY_CLAIM_TIMEOUT_MS : IDEMPOTENCY_RETENTION_MS)) {
      await db.idempotencyRecord.deleteMany({ where: { id: stored.id } });
      continue;
    }

    assertSameRequest(stored.requestHash, options.requestHash);

    return pending ? { kind: "pending" } : { kind: "stored", record: stored };
  }
}

function assertSameRequest(storedHash: string, requestHash: string): void {
  if (storedHash === requestHash) return;

  throw new AppError("CONFLICT", "api.idempotencyKeyReused", {
    fields: [{ field: "Idempotency-Key", message: "api.idempotencyKeyReused" }],
  });
}

function replay(stored: StoredRecord, requestHash: string): IdempotentResult {
  assertSameRequest(stored.requestHash, requestHash);

  return { status: stored.status, body: stored.response as Prisma.JsonObject, replayed: true };
}
