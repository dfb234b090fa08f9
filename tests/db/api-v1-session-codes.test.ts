import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { POST as recordPost } from "@/app/api/v1/sessions/route";
import { POST as startPost } from "@/app/api/v1/sessions/start/route";

import { apiKeyWith, type ErrorJson, postJson, useTestDatabaseInHandlers } from "./api-fixtures";
import { createCustomer, resetDatabase, testDb } from "./helpers";

const hourAgo = Date.now() - 3_600_000;
const startedAt = new Date(hourAgo).toISOString();
const endedAt = new Date(hourAgo + 5 * 60_000).toISOString();

let secret: string;

beforeAll(() => useTestDatabaseInHandlers());

beforeEach(async () => {
  await resetDatabase();
  secret = (await apiKeyWith(["sessions:write"])).secret;
  await createCustomer({ code: "C-ONE" });
  await createCustomer({ code: "C-TWO" });
});

async function errorOf(response: Response): Promise<ErrorJson["error"]> {
  return ((await response.json()) as ErrorJson).error;
}

function start(body: Record<string, unknown>) {
  return startPost(postJson("/api/v1/sessions/start", { startedAt, ...body }, { secret }));
}

describe("session code reuse", () => {
  it("start for another customer is rejected", async () => {
    await start({ code: "S1", customerCode: "C-ONE" });

    const response = await start({ code: "S1", customerCode: "C-TWO" });
    const session = await testDb().session.findUniqueOrThrow({
      where: { code: "S1" },
      include: { customer: true },
    });

    expect(response.status).toBe(409);
    expect((await errorOf(response)).reason).toBe("session.codeOfOtherCustomer");
    expect(session.customer?.code).toBe("C-ONE");
  });

  it("start for the same customer is idempotent", async () => {
    await start({ code: "S1", customerCode: "C-ONE" });

    const same = await start({ code: "S1", customerCode: "C-ONE" });
    const unnamed = await start({ code: "S1" });

    expect(same.status).toBe(200);
    expect(unnamed.status).toBe(200);
  });

  it("record for another customer is rejected", async () => {
    const body = { code: "R1", customerCode: "C-ONE", startedAt, endedAt };
    await recordPost(postJson("/api/v1/sessions", body, { secret }));

    const response = await recordPost(
      postJson("/api/v1/sessions", { ...body, customerCode: "C-TWO" }, { secret }),
    );

    expect(response.status).toBe(409);
    expect((await errorOf(response)).reason).toBe("session.codeOfOtherCustomer");
  });
});

describe("session code characters", () => {
  it.each(["..", ".", "a/b", "a?b", "a#b", "50%", "a b", "codé"])("rejects %s", async (code) => {
    const response = await start({ code });

    expect(response.status).toBe(400);
    expect((await errorOf(response)).fields[0].field).toBe("code");
    expect(await testDb().session.count()).toBe(0);
  });

  it.each(["1234567890", "{82BA4172-46B8-5E14-89B3-3C7C89CB05EB}", "TV_1.2:3"])(
    "accepts %s",
    async (code) => {
      const response = await start({ code });

      expect(response.status).toBe(201);
    },
  );
});
