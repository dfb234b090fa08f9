import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { POST as recordPost } from "@/app/api/v1/sessions/route";
import { claimIdempotencyKey } from "@/lib/db/idempotency-records";

import { apiKeyWith, type ErrorJson, postJson, useTestDatabaseInHandlers } from "./api-fixtures";
import { createCustomer, resetDatabase, testDb } from "./helpers";
import { balanceOf, concurrencyDb, ledgerSum, topUp } from "./session-fixtures";

const PARALLEL = 50;
const hourAgo = Date.now() - 3_600_000;

function finished(index: number) {
  return {
    code: `IDEM-${index}`,
    customerCode: "C-IDEM",
    startedAt: new Date(hourAgo).toISOString(),
    endedAt: new Date(hourAgo + 10 * 60_000).toISOString(),
  };
}

describe("Idempotency-Key under concurrency", () => {
  let secret: string;
  let customerId: string;

  beforeAll(() => useTestDatabaseInHandlers(concurrencyDb()));
  beforeEach(async () => {
    await resetDatabase();
    secret = (await apiKeyWith(["sessions:write"])).secret;
    customerId = (await createCustomer({ code: "C-IDEM" })).id;
    await topUp(customerId, 10_000);
  });

  it("one key with different bodies charges once", async () => {
    const headers = { "Idempotency-Key": "shared-key" };
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, index) =>
        recordPost(postJson("/api/v1/sessions", finished(index), { secret, headers })),
      ),
    );
    const statuses = responses.map((response) => response.status);
    const rejected = responses.filter((response) => response.status === 409);
    const reasons = await Promise.all(
      rejected.map(async (response) => ((await response.json()) as ErrorJson).error.reason),
    );

    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(rejected).toHaveLength(PARALLEL - 1);
    expect(new Set(reasons)).toEqual(new Set(["api.idempotencyKeyReused"]));
    expect(await testDb().session.count()).toBe(1);
    expect(await ledgerSum(customerId)).toBe(10_000 - 10);
    expect(await balanceOf(customerId)).toBe(10_000 - 10);
  }, 120_000);

  it("one key with the same body replays", async () => {
    const headers = { "Idempotency-Key": "same-body" };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        recordPost(postJson("/api/v1/sessions", finished(0), { secret, headers })),
      ),
    );
    const statuses = responses.map((response) => response.status);
    const replayed = responses.filter((r) => r.headers.get("Idempotent-Replayed") === "true");

    expect(statuses).toEqual(Array.from({ length: 10 }, () => 201));
    expect(replayed).toHaveLength(9);
    expect(await testDb().session.count()).toBe(1);
    expect(await balanceOf(customerId)).toBe(10_000 - 10);
  }, 120_000);

  it("failed request releases its key", async () => {
    const headers = { "Idempotency-Key": "after-failure" };
    const bad = { ...finished(1), customerCode: "NOBODY" };
    const failed = await recordPost(postJson("/api/v1/sessions", bad, { secret, headers }));
    const retried = await recordPost(
      postJson("/api/v1/sessions", finished(1), { secret, headers }),
    );

    expect(failed.status).toBe(404);
    expect(retried.status).toBe(201);
  });

  it("claim of a stale pending key succeeds", async () => {
    const apiKeyId = (await testDb().apiKey.findFirstOrThrow()).id;
    const first = await claimIdempotencyKey(testDb(), {
      apiKeyId,
      key: "stale",
      requestHash: "a",
      now: new Date(Date.now() - 10 * 60_000),
    });
    const second = await claimIdempotencyKey(testDb(), {
      apiKeyId,
      key: "stale",
      requestHash: "b",
    });

    expect(first.kind).toBe("claimed");
    expect(second.kind).toBe("claimed");
  });
});
