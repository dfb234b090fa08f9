import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { POST as recordPost } from "@/app/api/v1/sessions/route";
import { POST as endPost } from "@/app/api/v1/sessions/end/route";
import { POST as startPost } from "@/app/api/v1/sessions/start/route";
import { revokeApiKey } from "@/lib/db/api-keys";
import itErrors from "@/messages/it/errors.json";

import { apiKeyWith, type ErrorJson, postJson, useTestDatabaseInHandlers } from "./api-fixtures";
import { createCustomer, createUser, resetDatabase, testDb } from "./helpers";
import { balanceOf, ledgerSum, sessionEntries, topUp } from "./session-fixtures";

// Sessions an hour before the test runs, so no time is in the future.
const hourAgo = new Date(Date.now() - 3_600_000);
const minutesAfter = (minutes: number) =>
  new Date(hourAgo.getTime() + minutes * 60_000).toISOString();

let secret: string;
let customer: Awaited<ReturnType<typeof createCustomer>>;

beforeAll(() => useTestDatabaseInHandlers());

beforeEach(async () => {
  await resetDatabase();
  secret = (await apiKeyWith(["sessions:write"])).secret;
  customer = await createCustomer({ code: "C-API" });
  await topUp(customer.id, 120);
});

async function errorOf(response: Response): Promise<ErrorJson["error"]> {
  return ((await response.json()) as ErrorJson).error;
}

describe("POST /api/v1/sessions/start", () => {
  it("starts a session of the named customer", async () => {
    const response = await startPost(
      postJson(
        "/api/v1/sessions/start",
        { code: "S1", customerCode: "C-API", startedAt: minutesAfter(0) },
        { secret },
      ),
    );
    const body = await response.json();

    expect(response.status).toBe(201);
    expect(body.session).toMatchObject({ code: "S1", status: "RUNNING", endedAt: null });
    expect(body.customer).toMatchObject({ code: "C-API", balanceMinutes: 120, status: "OK" });
  });

  it("returns the existing session for a repeated code", async () => {
    const request = () =>
      postJson("/api/v1/sessions/start", { code: "S1", startedAt: minutesAfter(0) }, { secret });
    await startPost(request());

    const response = await startPost(request());

    expect(response.status).toBe(200);
    expect(await testDb().session.count()).toBe(1);
  });

  it("rejects a start too far in the future", async () => {
    const response = await startPost(
      postJson(
        "/api/v1/sessions/start",
        { code: "S1", startedAt: new Date(Date.now() + 3_600_000).toISOString() },
        { secret },
      ),
    );
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(error.reason).toBe("session.startInFuture");
    expect(error.fields[0].field).toBe("startedAt");
  });

  it("rejects an unknown customer code", async () => {
    const response = await startPost(
      postJson("/api/v1/sessions/start", { code: "S1", customerCode: "NOPE" }, { secret }),
    );

    expect(response.status).toBe(404);
    expect((await errorOf(response)).reason).toBe("session.unknownCustomerCode");
  });
});

describe("POST /api/v1/sessions/end", () => {
  it("closes the session and charges it once", async () => {
    await startPost(
      postJson(
        "/api/v1/sessions/start",
        { code: "S1", customerCode: "C-API", startedAt: minutesAfter(0) },
        { secret },
      ),
    );
    const end = () =>
      endPost(
        postJson("/api/v1/sessions/end", { code: "S1", endedAt: minutesAfter(25) }, { secret }),
      );

    const first = await end();
    const second = await end();
    const body = await first.json();

    expect(first.status).toBe(200);
    expect(body.session).toMatchObject({ status: "CLOSED", seconds: 1500, billedMinutes: 25 });
    expect(body.customer.balanceMinutes).toBe(95);
    expect(second.status).toBe(200);
    expect(await sessionEntries(customer.id)).toHaveLength(1);
    expect(await balanceOf(customer.id)).toBe(95);
  });

  it("rejects an unknown session code with an Italian message", async () => {
    const response = await endPost(postJson("/api/v1/sessions/end", { code: "NOPE" }, { secret }));
    const error = await errorOf(response);

    expect(response.status).toBe(404);
    expect(error.code).toBe("NOT_FOUND");
    expect(error.reason).toBe("session.unknownCode");
    expect(error.message).toBe(itErrors.session.unknownCode.replace("{code}", "NOPE"));
  });

  it("rejects an end before the start", async () => {
    await startPost(
      postJson("/api/v1/sessions/start", { code: "S1", startedAt: minutesAfter(30) }, { secret }),
    );

    const response = await endPost(
      postJson("/api/v1/sessions/end", { code: "S1", endedAt: minutesAfter(10) }, { secret }),
    );

    expect(response.status).toBe(400);
    expect((await errorOf(response)).reason).toBe("session.endBeforeStart");
  });
});

describe("POST /api/v1/sessions", () => {
  const finished = {
    code: "R1",
    customerCode: "C-API",
    startedAt: minutesAfter(0),
    endedAt: minutesAfter(10),
  };

  it("records a finished session and charges it", async () => {
    const response = await recordPost(postJson("/api/v1/sessions", finished, { secret }));
    const body = await response.json();

    expect(response.status).toBe(201);
    expect(body.session).toMatchObject({ code: "R1", status: "CLOSED", billedMinutes: 10 });
    expect(body.session.billingRule).toMatchObject({ kind: "ROUNDED" });
    expect(await balanceOf(customer.id)).toBe(110);
  });

  it("same session code twice charges once", async () => {
    await recordPost(postJson("/api/v1/sessions", finished, { secret }));

    const again = await recordPost(postJson("/api/v1/sessions", finished, { secret }));

    expect(again.status).toBe(200);
    expect(await sessionEntries(customer.id)).toHaveLength(1);
    expect(await balanceOf(customer.id)).toBe(110);
  });

  it("retry with the same Idempotency-Key replays the response", async () => {
    const headers = { "Idempotency-Key": "retry-1" };
    const first = await recordPost(postJson("/api/v1/sessions", finished, { secret, headers }));
    // The same body with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(finished).reverse());
    const retry = await recordPost(postJson("/api/v1/sessions", reordered, { secret, headers }));

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await retry.json()).toEqual(await first.json());
    expect(await sessionEntries(customer.id)).toHaveLength(1);
    expect(await balanceOf(customer.id)).toBe(await ledgerSum(customer.id));
  });

  it("same Idempotency-Key with another body is rejected", async () => {
    const headers = { "Idempotency-Key": "retry-1" };
    await recordPost(postJson("/api/v1/sessions", finished, { secret, headers }));

    const response = await recordPost(
      postJson("/api/v1/sessions", { ...finished, code: "R2" }, { secret, headers }),
    );

    expect(response.status).toBe(409);
    expect((await errorOf(response)).reason).toBe("api.idempotencyKeyReused");
    expect(await testDb().session.count()).toBe(1);
  });

  it("rejects an Idempotency-Key with spaces", async () => {
    const response = await recordPost(
      postJson("/api/v1/sessions", finished, { secret, headers: { "Idempotency-Key": "a b" } }),
    );

    expect(response.status).toBe(400);
    expect((await errorOf(response)).reason).toBe("api.idempotencyKeyInvalid");
  });

  it.each([
    [
      "negative duration",
      { code: "R1", startedAt: minutesAfter(0), durationSeconds: -60 },
      "session.invalidDuration",
      "durationSeconds",
    ],
    [
      "end without start",
      { code: "R1", endedAt: minutesAfter(5) },
      "session.startMissing",
      "startedAt",
    ],
    [
      "start without end",
      { code: "R1", startedAt: minutesAfter(5) },
      "session.endMissing",
      "endedAt",
    ],
    [
      "date without offset",
      { code: "R1", startedAt: "2026-05-14T10:00:00", durationSeconds: 60 },
      "validation.invalidRequest",
      "startedAt",
    ],
    [
      "unknown field",
      { code: "R1", customer_code: "C-API" },
      "validation.invalidRequest",
      "customer_code",
    ],
    [
      "missing code",
      { startedAt: minutesAfter(0), durationSeconds: 60 },
      "validation.invalidRequest",
      "code",
    ],
  ])("rejects %s", async (_name, body, reason, field) => {
    const response = await recordPost(postJson("/api/v1/sessions", body, { secret }));
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(error.code).toBe("VALIDATION");
    expect(error.reason).toBe(reason);
    expect(error.fields.map((issue) => issue.field)).toContain(field);
    expect(await testDb().session.count()).toBe(0);
  });

  it("rejects malformed JSON", async () => {
    const response = await recordPost(postJson("/api/v1/sessions", '{"code": "R1",', { secret }));
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(error.reason).toBe("api.invalidJson");
    expect(error.message).toBe(itErrors.api.invalidJson);
  });
});

describe("API key checks", () => {
  const body = { code: "S1" };

  it("rejects a request without a key", async () => {
    const response = await startPost(postJson("/api/v1/sessions/start", body));
    const error = await errorOf(response);

    expect(response.status).toBe(401);
    expect(error.reason).toBe("api.keyMissing");
    expect(error.message).toBe(itErrors.api.keyMissing);
  });

  it("rejects an unknown key", async () => {
    const forged = `ab_abcdefgh_${"x".repeat(43)}`;

    const response = await startPost(postJson("/api/v1/sessions/start", body, { secret: forged }));

    expect(response.status).toBe(401);
    expect((await errorOf(response)).reason).toBe("api.keyInvalid");
  });

  it("rejects a revoked key", async () => {
    const revoked = await apiKeyWith(["sessions:write"]);
    const admin = await createUser("ADMIN");
    await revokeApiKey(testDb(), { id: revoked.id, actorId: admin.id });

    const response = await startPost(
      postJson("/api/v1/sessions/start", body, { secret: revoked.secret }),
    );

    expect(response.status).toBe(401);
    expect((await errorOf(response)).reason).toBe("api.keyRevoked");
    expect(await testDb().session.count()).toBe(0);
  });

  it("rejects a key without the scope", async () => {
    const readOnly = await apiKeyWith(["balance:read"]);

    const response = await endPost(
      postJson("/api/v1/sessions/end", body, { secret: readOnly.secret }),
    );
    const error = await errorOf(response);

    expect(response.status).toBe(403);
    expect(error.reason).toBe("api.scopeMissing");
    expect(error.message).toContain("sessions:write");
  });
});
