import { beforeEach, describe, expect, it } from "vitest";

import {
  assignSessions,
  getGlobalBillingRules,
  getSessionView,
  recordExhaustedCreditDecision,
  recordSession,
  setGlobalBillingRules,
  startSession,
  updateSession,
} from "@/lib/db/sessions";

import { createCustomer, createUser, resetDatabase, testDb } from "./helpers";
import { at, balanceOf, ledgerSum, NOW, sessionEntries, topUp } from "./session-fixtures";

const base = { source: "API" as const, actorId: null, now: NOW };

async function expectExactBalance(customerId: string, expected: number) {
  expect(await balanceOf(customerId)).toBe(expected);
  expect(await ledgerSum(customerId)).toBe(expected);
}

describe("assignSessions", () => {
  beforeEach(resetDatabase);

  it("assigns inbox sessions and charges the closed ones", async () => {
    const customer = await createCustomer();
    await topUp(customer.id, 100);
    const closedA = await recordSession(testDb(), {
      ...base,
      code: "A",
      startedAt: at(0),
      endedAt: at(10),
    });
    const closedB = await recordSession(testDb(), {
      ...base,
      code: "B",
      startedAt: at(30),
      endedAt: at(35),
    });
    const running = await startSession(testDb(), { ...base, code: "C", startedAt: at(50) });

    const assigned = await assignSessions(testDb(), {
      sessionIds: [closedA.session.id, closedB.session.id, running.session.id],
      customerId: customer.id,
      actorId: null,
    });
    const entries = await sessionEntries(customer.id);

    expect(assigned.map((session) => session.customerId)).toEqual([
      customer.id,
      customer.id,
      customer.id,
    ]);
    expect(entries.map((entry) => entry.minutes)).toEqual([-10, -5]);
    expect(entries.map((entry) => entry.idempotencyKey)).toEqual(["session:A", "session:B"]);
    await expectExactBalance(customer.id, 85);
  });

  it("rejects a session that already has a customer and changes nothing", async () => {
    const customer = await createCustomer();
    const inbox = await recordSession(testDb(), {
      ...base,
      code: "A",
      startedAt: at(0),
      endedAt: at(10),
    });
    const owned = await recordSession(testDb(), {
      ...base,
      code: "B",
      customerCode: customer.code,
      startedAt: at(20),
      endedAt: at(30),
    });

    await expect(
      assignSessions(testDb(), {
        sessionIds: [inbox.session.id, owned.session.id],
        customerId: customer.id,
        actorId: null,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "session.alreadyAssigned" });
    expect(
      (await testDb().session.findUniqueOrThrow({ where: { code: "A" } })).customerId,
    ).toBeNull();
    await expectExactBalance(customer.id, -10);
  });

  it("rejects an unknown session id", async () => {
    const customer = await createCustomer();

    await expect(
      assignSessions(testDb(), { sessionIds: ["missing"], customerId: customer.id, actorId: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", messageKey: "session.notFound" });
  });
});

describe("updateSession", () => {
  beforeEach(resetDatabase);

  it("reassigning appends a reversal and a new entry", async () => {
    const wrong = await createCustomer();
    const right = await createCustomer();
    const operator = await createUser("OPERATOR");
    await topUp(wrong.id, 100);
    await topUp(right.id, 50);
    const { session } = await recordSession(testDb(), {
      ...base,
      code: "S1",
      customerCode: wrong.code,
      startedAt: at(0),
      endedAt: at(20),
    });

    const moved = await updateSession(testDb(), {
      id: session.id,
      customerId: right.id,
      reason: "wrong customer picked",
      actorId: operator.id,
    });
    const [charge, reversal] = await sessionEntries(wrong.id);
    const [newCharge] = await sessionEntries(right.id);

    expect(moved.customerId).toBe(right.id);
    expect(charge.minutes).toBe(-20);
    expect(reversal).toMatchObject({
      minutes: 20,
      reversesId: charge.id,
      sessionId: session.id,
      comment: "wrong customer picked",
      authorId: operator.id,
    });
    expect(newCharge).toMatchObject({ minutes: -20, sessionId: session.id, reversesId: null });
    await expectExactBalance(wrong.id, 100);
    await expectExactBalance(right.id, 30);

    const audit = await testDb().auditEvent.findFirst({
      where: { action: "session.update", entityId: session.id },
    });
    expect(audit?.before).toMatchObject({ customerId: wrong.id });
    expect(audit?.after).toMatchObject({ customerId: right.id });
  });

  it("marking not billable reverses the charge", async () => {
    const customer = await createCustomer();
    await topUp(customer.id, 100);
    const { session } = await recordSession(testDb(), {
      ...base,
      code: "S1",
      customerCode: customer.code,
      startedAt: at(0),
      endedAt: at(15),
    });

    const updated = await updateSession(testDb(), {
      id: session.id,
      billable: false,
      actorId: null,
    });
    const entries = await sessionEntries(customer.id);

    expect(updated.billable).toBe(false);
    expect(updated.billedMinutes).toBe(0);
    expect(entries.map((entry) => entry.minutes)).toEqual([-15, 15]);
    expect(entries[1].reversesId).toBe(entries[0].id);
    await expectExactBalance(customer.id, 100);
  });

  it("marking billable again charges a new entry", async () => {
    const customer = await createCustomer();
    await topUp(customer.id, 100);
    const { session } = await recordSession(testDb(), {
      ...base,
      code: "S1",
      customerCode: customer.code,
      startedAt: at(0),
      endedAt: at(15),
    });
    await updateSession(testDb(), { id: session.id, billable: false, actorId: null });

    const updated = await updateSession(testDb(), {
      id: session.id,
      billable: true,
      actorId: null,
    });

    expect(updated.billedMinutes).toBe(15);
    expect((await sessionEntries(customer.id)).map((entry) => entry.minutes)).toEqual([
      -15, 15, -15,
    ]);
    await expectExactBalance(customer.id, 85);
  });

  it("changing only the notes leaves the ledger alone", async () => {
    const customer = await createCustomer();
    const { session } = await recordSession(testDb(), {
      ...base,
      code: "S1",
      customerCode: customer.code,
      startedAt: at(0),
      endedAt: at(15),
    });

    const updated = await updateSession(testDb(), {
      id: session.id,
      notes: "printer",
      actorId: null,
    });

    expect(updated.notes).toBe("printer");
    expect(await sessionEntries(customer.id)).toHaveLength(1);
    await expectExactBalance(customer.id, -15);
  });

  it("rejects an unknown customer", async () => {
    const { session } = await recordSession(testDb(), {
      ...base,
      code: "S1",
      startedAt: at(0),
      endedAt: at(5),
    });

    await expect(
      updateSession(testDb(), { id: session.id, customerId: "missing", actorId: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", messageKey: "customer.notFound" });
  });
});

describe("exhausted credit decision", () => {
  beforeEach(resetDatabase);

  it("stores and audits the decision", async () => {
    const operator = await createUser("OPERATOR");
    const customer = await createCustomer();
    await startSession(testDb(), {
      ...base,
      code: "S1",
      customerCode: customer.code,
      startedAt: at(0),
    });

    const session = await recordExhaustedCreditDecision(testDb(), {
      code: "S1",
      decision: "ASK_TOP_UP",
      actorId: operator.id,
      now: NOW,
    });
    const audit = await testDb().auditEvent.findFirst({
      where: { action: "session.exhaustedCreditDecision" },
    });

    expect(session.exhaustedCredit).toBe("ASK_TOP_UP");
    expect(audit?.actorId).toBe(operator.id);
    expect(audit?.after).toEqual({ exhaustedCredit: "ASK_TOP_UP" });
  });

  it("audits every change of decision", async () => {
    const customer = await createCustomer();
    await startSession(testDb(), { ...base, code: "S1", customerCode: customer.code });
    const decide = (decision: "CONTINUE" | "ASK_TOP_UP") =>
      recordExhaustedCreditDecision(testDb(), { code: "S1", decision, actorId: null, now: NOW });

    await decide("ASK_TOP_UP");
    await decide("CONTINUE");
    const audits = await testDb().auditEvent.findMany({
      where: { action: "session.exhaustedCreditDecision" },
      orderBy: { createdAt: "asc" },
    });

    expect(audits.map((audit) => audit.before)).toEqual([
      { exhaustedCredit: null },
      { exhaustedCredit: "ASK_TOP_UP" },
    ]);
  });

  it("rejects a decision no session needs", async () => {
    const withCredit = await createCustomer();
    await topUp(withCredit.id, 1000);
    const postpaid = await createCustomer();
    await testDb().customer.update({
      where: { id: postpaid.id },
      data: { billingMode: "POSTPAID" },
    });
    const empty = await createCustomer();
    await startSession(testDb(), { ...base, code: "INBOX", startedAt: at(0) });
    await startSession(testDb(), { ...base, code: "CREDIT", customerCode: withCredit.code });
    await startSession(testDb(), { ...base, code: "POST", customerCode: postpaid.code });
    await recordSession(testDb(), {
      ...base,
      code: "CLOSED",
      customerCode: empty.code,
      startedAt: at(0),
      endedAt: at(10),
    });

    for (const code of ["INBOX", "CREDIT", "POST", "CLOSED"]) {
      await expect(
        recordExhaustedCreditDecision(testDb(), {
          code,
          decision: "CONTINUE",
          actorId: null,
          now: NOW,
        }),
        code,
      ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "session.decisionNotNeeded" });
    }
    expect(await testDb().session.count({ where: { exhaustedCredit: { not: null } } })).toBe(0);
  });

  it("rejects an unknown code", async () => {
    await expect(
      recordExhaustedCreditDecision(testDb(), {
        code: "NOPE",
        decision: "CONTINUE",
        actorId: null,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", messageKey: "session.unknownCode" });
  });
});

describe("global billing rules", () => {
  beforeEach(resetDatabase);

  it("stores valid rules and audits the change", async () => {
    const admin = await createUser();

    await setGlobalBillingRules(testDb(), {
      rules: { roundingIncrementMinutes: 15 },
      actorId: admin.id,
    });
    const audit = await testDb().auditEvent.findFirst({
      where: { action: "settings.billingRules.update" },
    });

    expect(await getGlobalBillingRules(testDb())).toEqual({ roundingIncrementMinutes: 15 });
    expect(audit?.before).toEqual({});
    expect(audit?.after).toEqual({ roundingIncrementMinutes: 15 });
  });

  it("rejects invalid rules and keeps the previous ones", async () => {
    await setGlobalBillingRules(testDb(), { rules: { mergeGapMinutes: 5 }, actorId: null });

    await expect(
      setGlobalBillingRules(testDb(), {
        rules: { mergeGapMinutes: -1, colour: "red" },
        actorId: null,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "session.settingsRulesInvalid" });
    expect(await getGlobalBillingRules(testDb())).toEqual({ mergeGapMinutes: 5 });
  });

  it("customer override and settings both apply to a close", async () => {
    const customer = await createCustomer();
    await testDb().customer.update({
      where: { id: customer.id },
      data: { billingRules: { minimumBilledMinutes: 30 } },
    });
    await setGlobalBillingRules(testDb(), {
      rules: { roundingIncrementMinutes: 15 },
      actorId: null,
    });

    const short = await recordSession(testDb(), {
      ...base,
      code: "S1",
      customerCode: customer.code,
      startedAt: at(0),
      endedAt: at(2),
    });
    const long = await recordSession(testDb(), {
      ...base,
      code: "S2",
      customerCode: customer.code,
      startedAt: at(10),
      endedAt: at(41),
    });

    expect(short.session.billedMinutes).toBe(30);
    expect(long.session.billedMinutes).toBe(45);
    await expectExactBalance(customer.id, -75);
  });
});

describe("getSessionView", () => {
  beforeEach(resetDatabase);

  it("projects a running session to now", async () => {
    const customer = await createCustomer();
    await topUp(customer.id, 10);
    await startSession(testDb(), {
      ...base,
      code: "S1",
      customerCode: customer.code,
      startedAt: at(0),
    });

    const view = await getSessionView(testDb(), { code: "S1", now: at(12, 30) });

    expect(view.customer?.id).toBe(customer.id);
    expect(view.residualBeforeMinutes).toBe(10);
    expect(view.projection).toEqual({
      elapsedSeconds: 750,
      projectedMinutes: 13,
      projectedResidualMinutes: -3,
      exhausted: true,
    });
  });

  it("shows the balance before a closed session", async () => {
    const customer = await createCustomer();
    await topUp(customer.id, 100);
    await recordSession(testDb(), {
      ...base,
      code: "S1",
      customerCode: customer.code,
      startedAt: at(0),
      endedAt: at(20),
    });
    await topUp(customer.id, 50);

    const view = await getSessionView(testDb(), { code: "S1", now: NOW });

    expect(view.residualBeforeMinutes).toBe(100);
    expect(view.projection).toMatchObject({ projectedMinutes: 20, projectedResidualMinutes: 80 });
  });

  it("inbox session has no projection", async () => {
    await startSession(testDb(), { ...base, code: "S1", startedAt: at(0) });

    const view = await getSessionView(testDb(), { code: "S1", now: at(5) });

    expect(view.customer).toBeNull();
    expect(view.projection).toBeNull();
  });
});
