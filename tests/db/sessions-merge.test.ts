import { beforeEach, describe, expect, it } from "vitest";

import { recordSession, setGlobalBillingRules, updateSession } from "@/lib/db/sessions";

import { createCustomer, resetDatabase, testDb } from "./helpers";
import { at, balanceOf, ledgerSum, NOW, sessionEntries } from "./session-fixtures";

const base = { source: "API" as const, actorId: null, now: NOW };

async function record(code: string, customerCode: string, from: Date, to: Date) {
  const { session } = await recordSession(testDb(), {
    ...base,
    code,
    customerCode,
    startedAt: from,
    endedAt: to,
  });

  return session;
}

async function billedByCode() {
  const sessions = await testDb().session.findMany({ orderBy: { code: "asc" } });

  return Object.fromEntries(sessions.map((session) => [session.code, session.billedMinutes]));
}

// Increment 15 makes merging visible: two 5-minute sessions cost 15 together, 30 apart.
async function mergingCustomer() {
  await setGlobalBillingRules(testDb(), {
    rules: { roundingIncrementMinutes: 15, mergeGapMinutes: 5 },
    actorId: null,
  });

  return createCustomer();
}

describe("reconnection merging", () => {
  beforeEach(resetDatabase);

  it("reconnection within the gap charges only the difference", async () => {
    const customer = await mergingCustomer();
    await record("A", customer.code, at(0), at(5));
    await record("B", customer.code, at(8), at(19));

    const entries = await sessionEntries(customer.id);

    expect(entries.map((entry) => entry.minutes)).toEqual([-15, -15]);
    expect(await billedByCode()).toEqual({ A: 30, B: 0 });
    expect(await balanceOf(customer.id)).toBe(-30);
  });

  it("reconnection that adds no block charges nothing", async () => {
    const customer = await mergingCustomer();
    await record("A", customer.code, at(0), at(5));
    await record("B", customer.code, at(9), at(14));

    expect((await sessionEntries(customer.id)).map((entry) => entry.minutes)).toEqual([-15]);
    expect(await billedByCode()).toEqual({ A: 15, B: 0 });
    expect(
      (await testDb().session.findUniqueOrThrow({ where: { code: "B" } })).billingRule,
    ).toEqual({ kind: "MERGED", into: "A" });
  });

  it("reconnection after the gap is billed on its own", async () => {
    const customer = await mergingCustomer();
    await record("A", customer.code, at(0), at(5));
    await record("B", customer.code, at(10, 1), at(15));

    expect(await billedByCode()).toEqual({ A: 15, B: 15 });
    expect(await balanceOf(customer.id)).toBe(-30);
  });

  it("late session bridging two groups refunds by reversal", async () => {
    const customer = await mergingCustomer();
    await record("A", customer.code, at(0), at(2));
    await record("C", customer.code, at(10), at(12));
    expect(await balanceOf(customer.id)).toBe(-30);

    await record("B", customer.code, at(4), at(8));
    const entries = await sessionEntries(customer.id);
    const reversals = entries.filter((entry) => entry.reversesId !== null);

    // A, B and C merge into 8 minutes of connected time, one block of 15 instead of two.
    expect(await billedByCode()).toEqual({ A: 15, B: 0, C: 0 });
    // A keeps its 15 minutes, and C, now merged into A, gives its 15 back.
    expect(reversals.map((entry) => entry.minutes)).toEqual([15]);
    expect(entries).toHaveLength(3);
    expect(await balanceOf(customer.id)).toBe(-15);
    expect(await ledgerSum(customer.id)).toBe(-15);
  });

  it("sessions of other customers never merge", async () => {
    const customer = await mergingCustomer();
    const other = await createCustomer();
    await record("A", customer.code, at(0), at(5));
    await record("B", other.code, at(6), at(10));

    expect(await balanceOf(customer.id)).toBe(-15);
    expect(await balanceOf(other.id)).toBe(-15);
  });

  it("moving a session out of a group rebills the rest", async () => {
    const customer = await mergingCustomer();
    const other = await createCustomer();
    const a = await record("A", customer.code, at(0), at(10));
    await record("B", customer.code, at(12), at(22));
    expect(await balanceOf(customer.id)).toBe(-30);

    await updateSession(testDb(), { id: a.id, customerId: other.id, actorId: null });

    expect(await billedByCode()).toEqual({ A: 15, B: 15 });
    expect(await balanceOf(customer.id)).toBe(-15);
    expect(await ledgerSum(customer.id)).toBe(-15);
    expect(await balanceOf(other.id)).toBe(-15);
    expect(await ledgerSum(other.id)).toBe(-15);
  });
});
