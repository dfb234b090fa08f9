import { beforeEach, describe, expect, it } from "vitest";

import { endSession, recordSession, startSession } from "@/lib/db/sessions";

import { createCustomer, resetDatabase, testDb } from "./helpers";
import { at, balanceOf, ledgerSum, NOW, sessionEntries, topUp } from "./session-fixtures";

const base = { source: "API" as const, actorId: null, now: NOW };

async function customerWithCredit(minutes = 600) {
  const customer = await createCustomer({ code: `C-${Math.random().toString(36).slice(2)}` });
  await topUp(customer.id, minutes);

  return customer;
}

describe("startSession", () => {
  beforeEach(resetDatabase);

  it("returns the existing session for a repeated code", async () => {
    const customer = await customerWithCredit();
    const first = await startSession(testDb(), {
      ...base,
      code: "S1",
      customerCode: customer.code,
      startedAt: at(0),
    });

    const again = await startSession(testDb(), { ...base, code: "S1", startedAt: at(3) });

    expect(again.created).toBe(false);
    expect(again.session.id).toBe(first.session.id);
    expect(again.session.startedAt).toEqual(at(0));
    expect(await testDb().session.count()).toBe(1);
  });

  it("accepts a start within the clock tolerance", async () => {
    const { session } = await startSession(testDb(), {
      ...base,
      code: "S1",
      startedAt: new Date(NOW.getTime() + 4 * 60_000),
    });

    expect(session.status).toBe("RUNNING");
  });

  it("rejects a start beyond the clock tolerance", async () => {
    await expect(
      startSession(testDb(), {
        ...base,
        code: "S1",
        startedAt: new Date(NOW.getTime() + 6 * 60_000),
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "session.startInFuture" });
    expect(await testDb().session.count()).toBe(0);
  });
});

describe("endSession", () => {
  beforeEach(resetDatabase);

  it("charges one SESSION entry on close", async () => {
    const customer = await customerWithCredit(600);
    await startSession(testDb(), {
      ...base,
      code: "S1",
      customerCode: customer.code,
      startedAt: at(0),
    });

    const { session, closed } = await endSession(testDb(), {
      ...base,
      code: "S1",
      endedAt: at(12, 1),
    });
    const entries = await sessionEntries(customer.id);

    expect(closed).toBe(true);
    expect(session.status).toBe("CLOSED");
    expect(session.seconds).toBe(721);
    expect(session.billedMinutes).toBe(13);
    expect(session.billingRule).toMatchObject({ kind: "ROUNDED", realSeconds: 721 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      minutes: -13,
      sessionId: session.id,
      occurredAt: at(12, 1),
      idempotencyKey: "session:S1",
    });
    expect(await balanceOf(customer.id)).toBe(587);
    expect(await ledgerSum(customer.id)).toBe(587);
  });

  it("second end returns the closed session and charges nothing", async () => {
    const customer = await customerWithCredit(600);
    await startSession(testDb(), {
      ...base,
      code: "S1",
      customerCode: customer.code,
      startedAt: at(0),
    });
    await endSession(testDb(), { ...base, code: "S1", endedAt: at(10) });

    const again = await endSession(testDb(), { ...base, code: "S1", endedAt: at(30) });

    expect(again.closed).toBe(false);
    expect(again.session.endedAt).toEqual(at(10));
    expect(await sessionEntries(customer.id)).toHaveLength(1);
    expect(await balanceOf(customer.id)).toBe(590);
  });

  it("two concurrent ends charge once", async () => {
    const customer = await customerWithCredit(600);
    await startSession(testDb(), {
      ...base,
      code: "S1",
      customerCode: customer.code,
      startedAt: at(0),
    });

    const results = await Promise.all([
      endSession(testDb(), { ...base, code: "S1", endedAt: at(10) }),
      endSession(testDb(), { ...base, code: "S1", endedAt: at(20) }),
    ]);

    expect(results.filter((result) => result.closed)).toHaveLength(1);
    expect(await sessionEntries(customer.id)).toHaveLength(1);
    expect(await balanceOf(customer.id)).toBe(await ledgerSum(customer.id));
  });

  it("rejects an unknown code", async () => {
    await expect(endSession(testDb(), { ...base, code: "NOPE" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "session.unknownCode",
      values: { code: "NOPE" },
    });
  });

  it("rejects an end before the start and leaves it running", async () => {
    await startSession(testDb(), { ...base, code: "S1", startedAt: at(10) });

    await expect(
      endSession(testDb(), { ...base, code: "S1", endedAt: at(5) }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "session.endBeforeStart" });
    expect((await testDb().session.findUniqueOrThrow({ where: { code: "S1" } })).status).toBe(
      "RUNNING",
    );
  });

  it("rejects an end beyond the clock tolerance", async () => {
    await startSession(testDb(), { ...base, code: "S1", startedAt: at(0) });

    await expect(
      endSession(testDb(), { ...base, code: "S1", endedAt: new Date(NOW.getTime() + 600_000) }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "session.endInFuture" });
  });

  it("short and non-billable sessions draw nothing", async () => {
    const customer = await customerWithCredit(600);
    await recordSession(testDb(), {
      ...base,
      code: "SHORT",
      customerCode: customer.code,
      startedAt: at(0),
      durationSeconds: 59,
    });
    const transfer = await recordSession(testDb(), {
      ...base,
      code: "FILES",
      customerCode: customer.code,
      connectionType: "Filetransfer",
      startedAt: at(10),
      endedAt: at(40),
    });

    expect(transfer.session.billedMinutes).toBe(0);
    expect(transfer.session.billingRule).toMatchObject({ kind: "NOT_BILLABLE_TYPE" });
    expect(await sessionEntries(customer.id)).toHaveLength(0);
    expect(await balanceOf(customer.id)).toBe(600);
  });
});

describe("recordSession", () => {
  beforeEach(resetDatabase);

  it("same code twice charges once", async () => {
    const customer = await customerWithCredit(600);
    const input = { ...base, code: "R1", customerCode: customer.code, startedAt: at(0) };

    const first = await recordSession(testDb(), { ...input, endedAt: at(20) });
    const second = await recordSession(testDb(), { ...input, durationSeconds: 60 });

    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.session.billedMinutes).toBe(20);
    expect(await sessionEntries(customer.id)).toHaveLength(1);
    expect(await balanceOf(customer.id)).toBe(580);
  });

  it("same code concurrently charges once", async () => {
    const customer = await customerWithCredit(600);
    const input = { ...base, code: "R1", customerCode: customer.code, startedAt: at(0) };

    const results = await Promise.all(
      Array.from({ length: 5 }, () => recordSession(testDb(), { ...input, endedAt: at(20) })),
    );

    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await sessionEntries(customer.id)).toHaveLength(1);
    expect(await balanceOf(customer.id)).toBe(580);
  });

  it("closes a running session of the same code", async () => {
    const customer = await customerWithCredit(600);
    await startSession(testDb(), {
      ...base,
      code: "R1",
      customerCode: customer.code,
      startedAt: at(0),
    });

    const { session } = await recordSession(testDb(), {
      ...base,
      code: "R1",
      startedAt: at(0),
      endedAt: at(7),
    });

    expect(session.status).toBe("CLOSED");
    expect(session.billedMinutes).toBe(7);
    expect(await balanceOf(customer.id)).toBe(593);
  });

  it("bills a duration in seconds", async () => {
    const customer = await customerWithCredit(600);

    const { session } = await recordSession(testDb(), {
      ...base,
      code: "R1",
      customerCode: customer.code,
      startedAt: at(0),
      durationSeconds: 125,
    });

    expect(session.endedAt).toEqual(at(2, 5));
    expect(session.billedMinutes).toBe(3);
  });

  it.each([
    ["negative duration", { startedAt: at(0), durationSeconds: -5 }, "session.invalidDuration"],
    ["fractional duration", { startedAt: at(0), durationSeconds: 1.5 }, "session.invalidDuration"],
    ["end without start", { endedAt: at(5) }, "session.startMissing"],
    ["start without end", { startedAt: at(5) }, "session.endMissing"],
    ["end before start", { startedAt: at(5), endedAt: at(1) }, "session.endBeforeStart"],
    [
      "end and duration disagree",
      { startedAt: at(0), endedAt: at(5), durationSeconds: 60 },
      "session.durationMismatch",
    ],
  ])("rejects %s", async (_name, interval, messageKey) => {
    await expect(
      recordSession(testDb(), { ...base, code: "R1", ...interval }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey,
    });
    expect(await testDb().session.count()).toBe(0);
  });
});
