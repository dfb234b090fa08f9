import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { GET as balanceGet } from "@/app/api/v1/balance/route";
import { GET as openApiGet } from "@/app/api/v1/openapi.json/route";
import { recordLedgerEntry } from "@/lib/db/ledger";

import { apiKeyWith, type ErrorJson, get, useTestDatabaseInHandlers } from "./api-fixtures";
import { createCustomer, resetDatabase, testDb } from "./helpers";
import { topUp } from "./session-fixtures";

let secret: string;

beforeAll(() => useTestDatabaseInHandlers());

beforeEach(async () => {
  await resetDatabase();
  secret = (await apiKeyWith(["balance:read"])).secret;
  const customer = await createCustomer({ code: "C-BAL", name: "Rossi Srl" });
  await topUp(customer.id, 45);
  await testDb().device.create({
    data: { customerId: customer.id, kind: "TEAMVIEWER", remoteId: "123456789" },
  });
});

async function reasonOf(response: Response): Promise<string> {
  return ((await response.json()) as ErrorJson).error.reason;
}

describe("GET /api/v1/balance", () => {
  it("returns the balance by customer code", async () => {
    const response = await balanceGet(get("/api/v1/balance?customerCode=C-BAL", secret));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      code: "C-BAL",
      name: "Rossi Srl",
      billingMode: "PREPAID",
      balanceMinutes: 45,
      thresholdMinutes: null,
      status: "OK",
    });
  });

  it("returns the balance by device ID", async () => {
    const response = await balanceGet(get("/api/v1/balance?deviceId=123%20456%20789", secret));

    expect(response.status).toBe(200);
    expect((await response.json()).code).toBe("C-BAL");
  });

  it.each([
    ["no parameter", "/api/v1/balance", 400, "validation.invalidRequest"],
    [
      "both parameters",
      "/api/v1/balance?customerCode=C-BAL&deviceId=1",
      400,
      "validation.invalidRequest",
    ],
    ["an unknown parameter", "/api/v1/balance?customer=C-BAL", 400, "validation.invalidRequest"],
    ["an unknown customer", "/api/v1/balance?customerCode=NOPE", 404, "api.customerNotFound"],
    ["an unknown device", "/api/v1/balance?deviceId=999", 404, "api.deviceNotFound"],
  ])("rejects %s", async (_name, path, status, reason) => {
    const response = await balanceGet(get(path, secret));

    expect(response.status).toBe(status);
    expect(await reasonOf(response)).toBe(reason);
  });

  it("rejects a repeated parameter", async () => {
    const other = await createCustomer({ code: "C-OTHER", name: "Bianchi Srl" });
    await topUp(other.id, 10);

    const response = await balanceGet(
      get("/api/v1/balance?customerCode=C-BAL&customerCode=C-OTHER", secret),
    );
    const body = (await response.json()) as ErrorJson;

    expect(response.status).toBe(400);
    expect(body.error.fields).toEqual([
      {
        field: "customerCode",
        message: 'Il parametro "customerCode" è ripetuto. Invialo una volta sola.',
      },
    ]);
  });

  it("rejects a key without balance:read", async () => {
    const writer = await apiKeyWith(["sessions:write"]);

    const response = await balanceGet(get("/api/v1/balance?customerCode=C-BAL", writer.secret));

    expect(response.status).toBe(403);
    expect(await reasonOf(response)).toBe("api.scopeMissing");
  });

  it("rejects a request without a key", async () => {
    const response = await balanceGet(get("/api/v1/balance?customerCode=C-BAL"));

    expect(response.status).toBe(401);
    expect(await reasonOf(response)).toBe("api.keyMissing");
  });

  it("applies a percentage of the last top-up", async () => {
    const customer = await createCustomer({ code: "C-PCT" });
    await testDb().customer.update({
      where: { id: customer.id },
      data: { lowBalanceThreshold: 20, lowBalanceKind: "PERCENT_OF_LAST_TOP_UP" },
    });
    await topUp(customer.id, 1000);
    await topUp(customer.id, 500);
    await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: null,
      entry: { kind: "SESSION", minutes: -1420 },
    });

    const response = await balanceGet(get("/api/v1/balance?customerCode=C-PCT", secret));
    const body = await response.json();

    expect(body.balanceMinutes).toBe(80);
    expect(body.thresholdMinutes).toBe(100);
    expect(body.status).toBe("LOW");
  });

  it("rejects a device registered by two customers", async () => {
    const other = await createCustomer({ code: "C-OTHER" });
    await testDb().device.create({
      data: { customerId: other.id, kind: "ANYDESK", remoteId: "123456789" },
    });

    const response = await balanceGet(get("/api/v1/balance?deviceId=123456789", secret));

    expect(response.status).toBe(404);
    expect(await reasonOf(response)).toBe("api.deviceNotFound");
  });

  it("sends auth, db and total in Server-Timing", async () => {
    const response = await balanceGet(get("/api/v1/balance?customerCode=C-BAL", secret));
    const header = response.headers.get("Server-Timing") ?? "";

    expect(header).toMatch(/^auth;dur=\d+\.\d{2}, db;dur=\d+\.\d{2}, total;dur=\d+\.\d{2}$/);
  });

  it("sends auth and total in Server-Timing of a rejected key", async () => {
    const response = await balanceGet(get("/api/v1/balance?customerCode=C-BAL", "ab_bad"));
    const header = response.headers.get("Server-Timing") ?? "";

    expect(response.status).toBe(401);
    expect(header).toMatch(/^auth;dur=\d+\.\d{2}, total;dur=\d+\.\d{2}$/);
  });

  it("marks the key as used", async () => {
    const key = await apiKeyWith(["balance:read"]);

    await balanceGet(get("/api/v1/balance?customerCode=C-BAL", key.secret));
    const stored = await testDb().apiKey.findUniqueOrThrow({ where: { id: key.id } });

    expect(stored.lastUsedAt).not.toBeNull();
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("serves the document without a key", async () => {
    const response = await openApiGet();
    const document = await response.json();

    expect(response.status).toBe(200);
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/api/v1/balance");
  });
});
