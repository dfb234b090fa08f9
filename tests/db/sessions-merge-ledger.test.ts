import { beforeEach, describe, expect, it } from "vitest";

import { recordSession, setGlobalBillingRules, updateSession } from "@/lib/db/sessions";

import { createCustomer, resetDatabase, testDb } from "./helpers";
import { at, balanceOf, ledgerSum, NOW } from "./session-fixtures";

const base = { source: "API" as const, actorId: null, now: NOW };

async function record(
  code: string,
  customerCode: string,
  from: Date,
  to: Date,
  extra: { remoteDeviceId?: string; operatorName?: string } = {},
) {
  const { session } = await recordSession(testDb(), {
    ...base,
    ...extra,
    code,
    customerCode,
    startedAt: from,
    endedAt: to,
  });

  return session;
}

async function useRules(rules: Record<string, number>) {
  await setGlobalBillingRules(testDb(), { rules, actorId: null });
}

// Every session's SESSION entries must sum to minus its billed minutes.
async function expectLedgerMatchesSessions(customerId: string) {
  const sessions = await testDb().session.findMany({
    where: { customerId },
    include: { ledgerEntries: { where: { kind: "SESSION" } } },
    orderBy: { code: "asc" },
  });
  const drawn = sessions.map((session) => ({
    code: session.code,
    drawn: 0 - session.ledgerEntries.reduce((sum, entry) => sum + entry.minutes, 0),
  }));
  const billed = sessions.map((session) => ({
    code: session.code,
    drawn: session.billable ? (session.billedMinutes ?? 0) : 0,
  }));

  expect(drawn).toEqual(billed);
  expect(await balanceOf(customerId)).toBe(await ledgerSum(customerId));
}

describe("merged sessions and the ledger", () => {
  beforeEach(resetDatabase);

  it("reconnection moves minutes to the first session", async () => {
    await useRules({ roundingIncrementMinutes: 1, minimumBilledMinutes: 0, mergeGapMinutes: 5 });
    const customer = await createCustomer();
    await record("A", customer.code, at(0), at(10));
    await record("B", customer.code, at(13), at(20));

    await expectLedgerMatchesSessions(customer.id);
  });

  it("late first session takes over the group", async () => {
    await useRules({ roundingIncrementMinutes: 1, minimumBilledMinutes: 0, mergeGapMinutes: 5 });
    const customer = await createCustomer();
    await record("B", customer.code, at(13), at(16));
    await record("A", customer.code, at(0), at(10));

    const sessions = await testDb().session.findMany({ orderBy: { code: "asc" } });

    expect(sessions.map((session) => session.billedMinutes)).toEqual([13, 0]);
    await expectLedgerMatchesSessions(customer.id);
  });

  it("bridging session joins two groups", async () => {
    await useRules({ roundingIncrementMinutes: 15, mergeGapMinutes: 5 });
    const customer = await createCustomer();
    await record("A", customer.code, at(0), at(5));
    await record("C", customer.code, at(16), at(20));
    await record("B", customer.code, at(8), at(14));

    await expectLedgerMatchesSessions(customer.id);
  });

  it("member marked not billable returns its minutes", async () => {
    await useRules({ roundingIncrementMinutes: 1, minimumBilledMinutes: 0, mergeGapMinutes: 5 });
    const customer = await createCustomer();
    const first = await record("A", customer.code, at(0), at(10));
    await record("B", customer.code, at(13), at(20));

    await updateSession(testDb(), {
      id: first.id,
      billable: false,
      reason: "test call",
      actorId: null,
    });

    const b = await testDb().session.findUniqueOrThrow({ where: { code: "B" } });
    expect(b.billedMinutes).toBe(7);
    await expectLedgerMatchesSessions(customer.id);
  });

  it("overlap is not merged with merging off", async () => {
    await useRules({ roundingIncrementMinutes: 1, minimumBilledMinutes: 0, mergeGapMinutes: 0 });
    const customer = await createCustomer();
    await record("A", customer.code, at(0), at(20));
    await record("B", customer.code, at(10), at(30));

    expect(await balanceOf(customer.id)).toBe(-40);
    await expectLedgerMatchesSessions(customer.id);
  });

  it("two devices at once are not merged", async () => {
    await useRules({ roundingIncrementMinutes: 1, minimumBilledMinutes: 0, mergeGapMinutes: 5 });
    const customer = await createCustomer();
    await record("A", customer.code, at(0), at(20), { remoteDeviceId: "111" });
    await record("B", customer.code, at(10), at(30), { remoteDeviceId: "222" });
    await record("C", customer.code, at(22), at(25), { remoteDeviceId: "111" });

    const sessions = await testDb().session.findMany({ orderBy: { code: "asc" } });

    expect(sessions.map((session) => session.billedMinutes)).toEqual([23, 20, 0]);
    await expectLedgerMatchesSessions(customer.id);
  });
});
