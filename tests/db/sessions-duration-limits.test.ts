import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { POST as recordPost } from "@/app/api/v1/sessions/route";
import { POST as endPost } from "@/app/api/v1/sessions/end/route";
import { POST as startPost } from "@/app/api/v1/sessions/start/route";
import { getSessionView } from "@/lib/db/sessions";
import { MAX_SESSION_SECONDS } from "@/lib/domain/session-time";

import { apiKeyWith, type ErrorJson, postJson, useTestDatabaseInHandlers } from "./api-fixtures";
import { createCustomer, resetDatabase, testDb } from "./helpers";
import { balanceOf, ledgerSum, topUp } from "./session-fixtures";

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

let secret: string;
let customerId: string;

beforeAll(() => useTestDatabaseInHandlers());

beforeEach(async () => {
  await resetDatabase();
  secret = (await apiKeyWith(["sessions:write"])).secret;
  customerId = (await createCustomer({ code: "C-LONG" })).id;
  await topUp(customerId, 500);
});

async function errorOf(response: Response): Promise<ErrorJson["error"]> {
  return ((await response.json()) as ErrorJson).error;
}

async function expectNothingCharged() {
  expect(await ledgerSum(customerId)).toBe(500);
  expect(await balanceOf(customerId)).toBe(500);
}

describe("session duration limits", () => {
  it("record from 1900 is rejected", async () => {
    const body = {
      code: "OLD",
      customerCode: "C-LONG",
      startedAt: "1900-01-01T10:00:00Z",
      endedAt: "1900-01-01T10:30:00Z",
    };
    const response = await recordPost(postJson("/api/v1/sessions", body, { secret }));

    expect(response.status).toBe(400);
    expect((await errorOf(response)).reason).toBe("session.startTooOld");
    expect(await testDb().session.count()).toBe(0);
    await expectNothingCharged();
  });

  it("record longer than a day is rejected", async () => {
    const now = Date.now();
    const body = { code: "LONG", customerCode: "C-LONG", startedAt: iso(now - 30 * HOUR) };
    const response = await recordPost(
      postJson("/api/v1/sessions", { ...body, endedAt: iso(now - HOUR) }, { secret }),
    );

    expect(response.status).toBe(400);
    expect((await errorOf(response)).reason).toBe("session.tooLong");
    expect(await testDb().session.count()).toBe(0);
    await expectNothingCharged();
  });

  it("huge durationSeconds is rejected", async () => {
    const body = {
      code: "HUGE",
      customerCode: "C-LONG",
      startedAt: iso(Date.now() - HOUR),
      durationSeconds: 1e300,
    };
    const response = await recordPost(postJson("/api/v1/sessions", body, { secret }));

    expect(response.status).toBe(400);
    expect((await errorOf(response)).fields[0].field).toBe("durationSeconds");
    expect(await testDb().session.count()).toBe(0);
  });

  it("duration of exactly a day is billed", async () => {
    const body = {
      code: "DAY",
      customerCode: "C-LONG",
      startedAt: iso(Date.now() - 25 * HOUR),
      durationSeconds: MAX_SESSION_SECONDS,
    };
    const response = await recordPost(postJson("/api/v1/sessions", body, { secret }));

    expect(response.status).toBe(201);
    expect(await balanceOf(customerId)).toBe(500 - 1440);
  });

  it("start older than a day is rejected", async () => {
    const body = { code: "S1950", customerCode: "C-LONG", startedAt: "1950-06-01T08:00:00Z" };
    const response = await startPost(postJson("/api/v1/sessions/start", body, { secret }));

    expect(response.status).toBe(400);
    expect((await errorOf(response)).reason).toBe("session.startTooOld");
    expect(await testDb().session.count()).toBe(0);
  });

  it("stuck running session can be closed", async () => {
    const startedAt = new Date("1950-06-01T08:00:00Z");
    await testDb().session.create({
      data: { code: "STUCK", customerId, source: "API", status: "RUNNING", startedAt },
    });

    const view = await getSessionView(testDb(), { code: "STUCK" });
    const endNow = await endPost(postJson("/api/v1/sessions/end", { code: "STUCK" }, { secret }));
    const endNowError = await errorOf(endNow);
    const endedAt = iso(startedAt.getTime() + 20 * 60_000);
    const endReal = await endPost(
      postJson("/api/v1/sessions/end", { code: "STUCK", endedAt }, { secret }),
    );

    expect(view.projection?.elapsedSeconds).toBe(MAX_SESSION_SECONDS);
    expect(view.projection?.projectedMinutes).toBe(1440);
    expect(endNow.status).toBe(400);
    expect(endNowError.reason).toBe("session.tooLong");
    expect(endReal.status).toBe(200);
    expect(await balanceOf(customerId)).toBe(480);
  });
});
