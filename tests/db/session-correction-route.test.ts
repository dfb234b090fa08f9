import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { POST as correct } from "@/app/api/sessions/[code]/correction/route";
import { recordSession } from "@/lib/db/sessions";

import { type ErrorJson, useTestDatabaseInHandlers } from "./api-fixtures";
import { createCustomer, createUser, resetDatabase, testDb } from "./helpers";
import { at, balanceOf, ledgerSum, NOW, topUp } from "./session-fixtures";

// The route reads the signed-in user from next-auth; here an administrator is always signed in.
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

function post(code: string, body: unknown) {
  const request = new Request(`http://127.0.0.1/api/sessions/${code}/correction`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

  return correct(request, { params: Promise.resolve({ code }) });
}

describe("session correction route", () => {
  let first: { id: string; code: string };
  let second: { id: string; code: string };

  beforeAll(() => useTestDatabaseInHandlers());
  beforeEach(async () => {
    await resetDatabase();
    signedIn.id = (await createUser("ADMIN")).id;
    first = await createCustomer({ code: "C-FIRST" });
    second = await createCustomer({ code: "C-SECOND" });
    await topUp(first.id, 100);
    await topUp(second.id, 100);
    await recordSession(testDb(), {
      code: "S1",
      customerCode: "C-FIRST",
      startedAt: at(0),
      endedAt: at(10),
      source: "API",
      actorId: null,
      now: NOW,
    });
  });

  it("reassigns a closed session", async () => {
    const response = await post("S1", { customerCode: "C-SECOND", reason: "wrong customer" });

    expect(response.status).toBe(200);
    expect(await balanceOf(first.id)).toBe(100);
    expect(await balanceOf(second.id)).toBe(90);
    expect(await ledgerSum(second.id)).toBe(90);
  });

  it("marks a session not billable", async () => {
    const response = await post("S1", { billable: false, reason: "warranty" });
    const reversal = await testDb().ledgerEntry.findFirst({ where: { reversesId: { not: null } } });

    expect(response.status).toBe(200);
    expect(await balanceOf(first.id)).toBe(100);
    expect(reversal?.comment).toBe("warranty");
  });

  it("requires a reason", async () => {
    const response = await post("S1", { billable: false });
    const error = ((await response.json()) as ErrorJson).error;

    expect(response.status).toBe(400);
    expect(error.fields.map((field) => field.field)).toContain("reason");
    expect(await balanceOf(first.id)).toBe(90);
  });

  it("rejects an unknown customer code", async () => {
    const response = await post("S1", { customerCode: "C-NONE", reason: "wrong customer" });
    const error = ((await response.json()) as ErrorJson).error;

    expect(response.status).toBe(404);
    expect(error.reason).toBe("session.correctionUnknownCustomerCode");
    expect(error.fields.map((field) => field.field)).toEqual(["customerCode"]);
    expect(error.message).toContain("C-NONE");
    expect(await balanceOf(first.id)).toBe(90);
    expect(await ledgerSum(first.id)).toBe(90);
  });
});
