import { beforeEach, describe, expect, it } from "vitest";

import { endSession, recordSession, startSession } from "@/lib/db/sessions";

import { createCustomer, resetDatabase, testDb } from "./helpers";
import { at, balanceOf, NOW, sessionEntries, topUp } from "./session-fixtures";

const base = { source: "API" as const, actorId: null, now: NOW };

describe("session association", () => {
  beforeEach(resetDatabase);

  it("associates by customer code", async () => {
    const customer = await createCustomer({ code: "C-100" });

    const { session, created } = await startSession(testDb(), {
      ...base,
      code: "S1",
      customerCode: "C-100",
      startedAt: at(0),
    });

    expect(created).toBe(true);
    expect(session.customerId).toBe(customer.id);
    expect(session.status).toBe("RUNNING");
  });

  it("associates by a registered device of any kind", async () => {
    const customer = await createCustomer();
    await testDb().device.create({
      data: { customerId: customer.id, kind: "ANYDESK", remoteId: "123456789" },
    });

    const plain = await startSession(testDb(), {
      ...base,
      code: "S1",
      remoteDeviceId: "123456789",
      startedAt: at(0),
    });
    const grouped = await startSession(testDb(), {
      ...base,
      code: "S2",
      remoteDeviceId: "123 456 789",
      startedAt: at(0),
    });

    expect(plain.session.customerId).toBe(customer.id);
    expect(grouped.session.customerId).toBe(customer.id);
  });

  it("customer code wins over the device", async () => {
    const named = await createCustomer({ code: "C-NAMED" });
    const owner = await createCustomer();
    await testDb().device.create({
      data: { customerId: owner.id, kind: "TEAMVIEWER", remoteId: "555" },
    });

    const { session } = await startSession(testDb(), {
      ...base,
      code: "S1",
      customerCode: "C-NAMED",
      remoteDeviceId: "555",
      startedAt: at(0),
    });

    expect(session.customerId).toBe(named.id);
  });

  it("device of two customers goes to the inbox", async () => {
    const first = await createCustomer();
    const second = await createCustomer();
    await testDb().device.createMany({
      data: [
        { customerId: first.id, kind: "TEAMVIEWER", remoteId: "777" },
        { customerId: second.id, kind: "ANYDESK", remoteId: "777" },
      ],
    });

    const { session } = await startSession(testDb(), {
      ...base,
      code: "S1",
      remoteDeviceId: "777",
      startedAt: at(0),
    });

    expect(session.customerId).toBeNull();
  });

  it("inbox session draws no minutes when it closes", async () => {
    const customer = await createCustomer();
    await topUp(customer.id, 100);
    await startSession(testDb(), { ...base, code: "S1", remoteDeviceId: "999", startedAt: at(0) });

    const { session } = await endSession(testDb(), { code: "S1", endedAt: at(10), ...base });

    expect(session.customerId).toBeNull();
    expect(session.status).toBe("CLOSED");
    expect(session.seconds).toBe(600);
    expect(session.billedMinutes).toBe(10);
    expect(await testDb().ledgerEntry.count({ where: { kind: "SESSION" } })).toBe(0);
    expect(await balanceOf(customer.id)).toBe(100);
  });

  it("rejects an unknown customer code", async () => {
    await expect(
      startSession(testDb(), { ...base, code: "S1", customerCode: "NOPE", startedAt: at(0) }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "session.unknownCustomerCode",
      values: { customerCode: "NOPE" },
    });
    expect(await testDb().session.count()).toBe(0);
  });

  it("picks the contract in effect and charges on it", async () => {
    const customer = await createCustomer({ code: "C-1" });
    await testDb().contract.create({
      data: {
        customerId: customer.id,
        number: "OLD",
        startsOn: new Date("2025-01-01"),
        endsOn: new Date("2025-12-31"),
      },
    });
    const current = await testDb().contract.create({
      data: { customerId: customer.id, number: "NEW", startsOn: new Date("2026-01-01") },
    });

    const { session } = await recordSession(testDb(), {
      ...base,
      code: "S1",
      customerCode: "C-1",
      startedAt: at(0),
      endedAt: at(5),
    });
    const [entry] = await sessionEntries(customer.id);

    expect(session.contractId).toBe(current.id);
    expect(entry.contractId).toBe(current.id);
  });
});
