import { beforeEach, describe, expect, it } from "vitest";

import { getCustomerBillingRules, recordSession } from "@/lib/db/sessions";
import { assignInboxSessions } from "@/lib/db/sessions/assign-inbox-sessions";
import {
  readCustomerBillingRules,
  setCustomerBillingRules,
} from "@/lib/db/sessions/customer-billing-rules";

import { rejectionOf } from "./app-error";
import { createCustomer, createUser, resetDatabase, testDb } from "./helpers";
import { at, balanceOf, ledgerSum, NOW, topUp } from "./session-fixtures";

const base = { source: "API" as const, actorId: null, now: NOW };

describe("assignInboxSessions", () => {
  beforeEach(resetDatabase);

  it("draws minutes and returns the balance", async () => {
    const customer = await createCustomer({ code: "C-INBOX", name: "Inbox Srl" });
    const operator = await createUser("OPERATOR");
    await topUp(customer.id, 100);
    const first = await recordSession(testDb(), {
      ...base,
      code: "IN1",
      startedAt: at(0),
      durationSeconds: 610,
    });
    const second = await recordSession(testDb(), {
      ...base,
      code: "IN2",
      startedAt: at(30),
      durationSeconds: 125,
    });

    const result = await assignInboxSessions(testDb(), {
      sessionIds: [first.session.id, second.session.id],
      customerId: customer.id,
      actorId: operator.id,
    });

    expect(result).toEqual({
      customer: { id: customer.id, code: "C-INBOX", name: "Inbox Srl", balanceMinutes: 86 },
      assigned: 2,
      billedMinutes: 14,
    });
    expect(await balanceOf(customer.id)).toBe(86);
    expect(await ledgerSum(customer.id)).toBe(86);
  });

  it("assigned session rejects the whole batch", async () => {
    const customer = await createCustomer({ code: "C-TAKEN" });
    await topUp(customer.id, 100);
    const assigned = await recordSession(testDb(), {
      ...base,
      code: "TAKEN",
      customerCode: "C-TAKEN",
      startedAt: at(0),
      durationSeconds: 120,
    });
    const open = await recordSession(testDb(), {
      ...base,
      code: "OPEN",
      startedAt: at(10),
      durationSeconds: 120,
    });

    const error = await rejectionOf(
      assignInboxSessions(testDb(), {
        sessionIds: [open.session.id, assigned.session.id],
        customerId: customer.id,
        actorId: null,
      }),
    );

    expect(error.messageKey).toBe("session.alreadyAssigned");
    expect(await balanceOf(customer.id)).toBe(98);
    const stillOpen = await testDb().session.findUniqueOrThrow({ where: { id: open.session.id } });
    expect(stillOpen.customerId).toBeNull();
  });
});

describe("setCustomerBillingRules", () => {
  beforeEach(resetDatabase);

  it("stores and audits the override", async () => {
    const customer = await createCustomer();
    const admin = await createUser();

    const saved = await setCustomerBillingRules(testDb(), {
      customerId: customer.id,
      rules: { roundingIncrementMinutes: 15, minimumBilledMinutes: 30 },
      actorId: admin.id,
    });

    expect(saved).toEqual({ roundingIncrementMinutes: 15, minimumBilledMinutes: 30 });
    expect(await getCustomerBillingRules(testDb(), customer.id)).toMatchObject({
      roundingIncrementMinutes: 15,
      minimumBilledMinutes: 30,
      ignoreShorterThanSeconds: 60,
    });
    const event = await testDb().auditEvent.findFirstOrThrow({
      where: { action: "customer.billingRules.update", entityId: customer.id },
    });
    expect(event.actorId).toBe(admin.id);
    expect(event.before).toEqual({});
    expect(event.after).toEqual({ roundingIncrementMinutes: 15, minimumBilledMinutes: 30 });
  });

  it("empty override inherits the global rules", async () => {
    const customer = await createCustomer();
    await setCustomerBillingRules(testDb(), {
      customerId: customer.id,
      rules: { mergeGapMinutes: 5 },
      actorId: null,
    });

    await setCustomerBillingRules(testDb(), { customerId: customer.id, rules: {}, actorId: null });

    const stored = await testDb().customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(stored.billingRules).toBeNull();
    expect(readCustomerBillingRules(stored.billingRules)).toEqual({});
  });

  it("invalid override keeps the old rules", async () => {
    const customer = await createCustomer();
    await setCustomerBillingRules(testDb(), {
      customerId: customer.id,
      rules: { mergeGapMinutes: 5 },
      actorId: null,
    });

    const error = await rejectionOf(
      setCustomerBillingRules(testDb(), {
        customerId: customer.id,
        rules: { roundingIncrementMinutes: 0, billableConnectionTypes: [] },
        actorId: null,
      }),
    );

    expect(error.messageKey).toBe("session.customerRulesInvalid");
    expect(error.fields.map((field) => field.field).sort()).toEqual([
      "billableConnectionTypes",
      "roundingIncrementMinutes",
    ]);
    const stored = await testDb().customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(stored.billingRules).toEqual({ mergeGapMinutes: 5 });
  });

  it("rejects an unknown customer", async () => {
    const error = await rejectionOf(
      setCustomerBillingRules(testDb(), { customerId: "missing", rules: {}, actorId: null }),
    );

    expect(error.messageKey).toBe("customer.notFound");
  });
});
