import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { POST as recordPost } from "@/app/api/v1/sessions/route";

import { apiKeyWith, type ErrorJson, useTestDatabaseInHandlers } from "./api-fixtures";
import { createCustomer, resetDatabase, testDb } from "./helpers";

const hourAgo = Date.now() - 3_600_000;
const finished = {
  code: "B1",
  customerCode: "C-BODY",
  startedAt: new Date(hourAgo).toISOString(),
  endedAt: new Date(hourAgo + 5 * 60_000).toISOString(),
};

let secret: string;

beforeAll(() => useTestDatabaseInHandlers());

beforeEach(async () => {
  await resetDatabase();
  secret = (await apiKeyWith(["sessions:write"])).secret;
  await createCustomer({ code: "C-BODY" });
});

function post(body: string, contentType: string | null): Request {
  const headers: Record<string, string> = { Authorization: `Bearer ${secret}` };
  if (contentType) headers["Content-Type"] = contentType;

  return new Request("http://127.0.0.1/api/v1/sessions", { method: "POST", headers, body });
}

async function errorOf(response: Response): Promise<ErrorJson["error"]> {
  return ((await response.json()) as ErrorJson).error;
}

describe("API write bodies", () => {
  it("body over 64 KB is rejected", async () => {
    const body = JSON.stringify({ ...finished, notes: "x".repeat(70_000) });
    const response = await recordPost(post(body, "application/json"));

    expect(response.status).toBe(413);
    expect((await errorOf(response)).reason).toBe("api.bodyTooLarge");
    expect(await testDb().session.count()).toBe(0);
  });

  it("non-JSON content type is rejected", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", null]) {
      const response = await recordPost(post(JSON.stringify(finished), type));

      expect(response.status, String(type)).toBe(415);
      expect((await errorOf(response)).reason).toBe("api.contentTypeNotJson");
    }
    expect(await testDb().session.count()).toBe(0);
  });

  it("JSON with a charset is accepted", async () => {
    const response = await recordPost(
      post(JSON.stringify(finished), "application/json; charset=utf-8"),
    );

    expect(response.status).toBe(201);
  });
});
