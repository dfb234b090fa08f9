import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import * as unknownPath from "@/app/api/v1/[...path]/route";
import * as recordRoute from "@/app/api/v1/sessions/route";
import enErrors from "@/messages/en/errors.json";
import itErrors from "@/messages/it/errors.json";

import { apiKeyWith, type ErrorJson, postJson, useTestDatabaseInHandlers } from "./api-fixtures";
import { resetDatabase } from "./helpers";

let secret: string;

beforeAll(() => useTestDatabaseInHandlers());

beforeEach(async () => {
  await resetDatabase();
  secret = (await apiKeyWith(["sessions:write"])).secret;
});

async function errorOf(response: Response): Promise<ErrorJson["error"]> {
  return ((await response.json()) as ErrorJson).error;
}

describe("API error language", () => {
  it("answers in English when asked", async () => {
    const request = postJson("/api/v1/sessions", "{", {
      secret,
      headers: { "Accept-Language": "en-GB,en;q=0.9" },
    });
    const error = await errorOf(await recordRoute.POST(request));

    expect(error.message).toBe(enErrors.api.invalidJson);
  });

  it("answers in Italian by default", async () => {
    const error = await errorOf(
      await recordRoute.POST(postJson("/api/v1/sessions", "{", { secret })),
    );

    expect(error.message).toBe(itErrors.api.invalidJson);
  });

  it("prefers the first supported language", async () => {
    const request = postJson("/api/v1/sessions", "{", {
      secret,
      headers: { "Accept-Language": "de-DE, it;q=0.8, en;q=0.5" },
    });
    const error = await errorOf(await recordRoute.POST(request));

    expect(error.message).toBe(itErrors.api.invalidJson);
  });
});

describe("API unknown paths and methods", () => {
  it("unknown path is a JSON 404", async () => {
    const response = await unknownPath.GET(new Request("http://127.0.0.1/api/v1/nothing"));

    expect(response.status).toBe(404);
    expect(response.headers.get("Server-Timing")).toMatch(/^total;dur=\d+\.\d{2}$/);
    expect((await errorOf(response)).reason).toBe("api.pathNotFound");
  });

  it("wrong method is a JSON 405", async () => {
    const response = await recordRoute.GET(new Request("http://127.0.0.1/api/v1/sessions"));

    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("POST");
    expect((await errorOf(response)).reason).toBe("api.methodNotAllowed");
  });
});
