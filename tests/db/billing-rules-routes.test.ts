import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { PUT as putCustomerRules } from "@/app/api/customers/[id]/billing-rules/route";
import { PUT as putGlobalRules } from "@/app/api/settings/billing-rules/route";
import { getGlobalBillingRules, setGlobalBillingRules } from "@/lib/db/sessions";
import { setCustomerBillingRules } from "@/lib/db/sessions/customer-billing-rules";

import { type ErrorJson, useTestDatabaseInHandlers } from "./api-fixtures";
import { createCustomer, createUser, resetDatabase, testDb } from "./helpers";

// The routes read the signed-in user from next-auth; here an administrator is always signed in.
const signedIn = vi.hoisted(() => ({ id: "" }));
vi.mock("@/lib/auth/guards", () => ({
  requirePermission: async () => ({
    id: signedIn.id,
    email: "admin@example.test",
    name: "Admin",
    role: "ADMIN",
    locale: "it",
  }),
}));

const saved = { roundingIncrementMinutes: 15, mergeGapMinutes: 5 };

function put(path: string, body: string): Request {
  return new Request(`http://127.0.0.1${path}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body,
  });
}

async function errorOf(response: Response): Promise<ErrorJson["error"]> {
  return ((await response.json()) as ErrorJson).error;
}

describe("billing rules routes", () => {
  let customerId: string;

  beforeAll(() => useTestDatabaseInHandlers());
  beforeEach(async () => {
    await resetDatabase();
    signedIn.id = (await createUser("ADMIN")).id;
    customerId = (await createCustomer()).id;
    await setGlobalBillingRules(testDb(), { rules: saved, actorId: null });
    await setCustomerBillingRules(testDb(), { customerId, rules: saved, actorId: null });
  });

  it("malformed JSON keeps the global rules", async () => {
    const response = await putGlobalRules(put("/api/settings/billing-rules", "{not json"));

    expect(response.status).toBe(400);
    expect((await errorOf(response)).reason).toBe("api.invalidJson");
    expect(await getGlobalBillingRules(testDb())).toEqual(saved);
  });

  it("malformed JSON keeps the customer rules", async () => {
    const path = `/api/customers/${customerId}/billing-rules`;
    const response = await putCustomerRules(put(path, "x"), {
      params: Promise.resolve({ id: customerId }),
    });
    const customer = await testDb().customer.findUniqueOrThrow({ where: { id: customerId } });

    expect(response.status).toBe(400);
    expect((await errorOf(response)).reason).toBe("api.invalidJson");
    expect(customer.billingRules).toEqual(saved);
  });

  it("non-object JSON keeps the rules", async () => {
    for (const body of ["null", "[]", '"text"', "42"]) {
      const response = await putGlobalRules(put("/api/settings/billing-rules", body));

      expect(response.status, body).toBe(400);
    }
    expect(await getGlobalBillingRules(testDb())).toEqual(saved);
  });

  it("hex and exponent numbers are rejected", async () => {
    const body = JSON.stringify({ roundingIncrementMinutes: "0x0F", mergeGapMinutes: "1e1" });
    const response = await putGlobalRules(put("/api/settings/billing-rules", body));
    const error = await errorOf(response);

    expect(response.status).toBe(400);
    expect(error.fields.map((field) => field.field).sort()).toEqual([
      "mergeGapMinutes",
      "roundingIncrementMinutes",
    ]);
    expect(await getGlobalBillingRules(testDb())).toEqual(saved);
  });

  it("overlong connection type is rejected", async () => {
    const body = JSON.stringify({ billableConnectionTypes: ["x".repeat(51)] });
    const response = await putGlobalRules(put("/api/settings/billing-rules", body));

    expect(response.status).toBe(400);
    expect((await errorOf(response)).fields[0].field).toBe("billableConnectionTypes");
    expect(await getGlobalBillingRules(testDb())).toEqual(saved);
  });
});
