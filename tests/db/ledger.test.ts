import { beforeEach, describe, expect, it } from "vitest";

import { appendLedgerEntries, recordLedgerEntry, reverseLedgerEntry } from "@/lib/db/ledger";
import { AppError } from "@/lib/errors";

import { createCustomer, createUser, resetDatabase, testDb } from "./helpers";

async function ledgerSum(customerId: string): Promise<number> {
  const result = await testDb().ledgerEntry.aggregate({
    where: { customerId },
    _sum: { minutes: true },
  });

  return result._sum.minutes ?? 0;
}

async function balanceOf(customerId: string): Promise<number> {
  const customer = await testDb().customer.findUniqueOrThrow({ where: { id: customerId } });

  return customer.balanceMinutes;
}

describe("ledger", () => {
  beforeEach(resetDatabase);

  it("keeps the balance equal to the ledger sum", async () => {
    const customer = await createCustomer();
    const author = await createUser();
    const db = testDb();

    await recordLedgerEntry(db, {
      customerId: customer.id,
      authorId: author.id,
      entry: { kind: "TOP_UP", minutes: 600 },
    });
    await recordLedgerEntry(db, {
      customerId: customer.id,
      authorId: author.id,
      entry: { kind: "SESSION", minutes: -45 },
    });
    const last = await recordLedgerEntry(db, {
      customerId: customer.id,
      authorId: author.id,
      entry: { kind: "ADJUSTMENT", minutes: -15, comment: "goodwill" },
    });

    expect(last.balanceAfter).toBe(540);
    expect(await balanceOf(customer.id)).toBe(540);
    expect(await ledgerSum(customer.id)).toBe(540);
  });

  it("appends several entries with running balances", async () => {
    const customer = await createCustomer();
    const created = await testDb().$transaction((tx) =>
      appendLedgerEntries(tx, {
        customerId: customer.id,
        authorId: null,
        entries: [
          { kind: "TOP_UP", minutes: 120 },
          { kind: "SESSION", minutes: -30 },
          { kind: "SESSION", minutes: -100 },
        ],
      }),
    );

    expect(created.map((entry) => entry.balanceAfter)).toEqual([120, 90, -10]);
    expect(await balanceOf(customer.id)).toBe(-10);
  });

  it("reports a repeated idempotency key as a duplicate", async () => {
    const customer = await createCustomer();
    const entry = { kind: "SESSION" as const, minutes: -5, idempotencyKey: "session:S1" };
    await recordLedgerEntry(testDb(), { customerId: customer.id, authorId: null, entry });

    await expect(
      recordLedgerEntry(testDb(), { customerId: customer.id, authorId: null, entry }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "ledger.duplicate" });
    expect(await balanceOf(customer.id)).toBe(-5);
  });

  it("keeps the order and values of appended entries", async () => {
    const customer = await createCustomer();
    const occurredAt = new Date("2026-03-29T00:59:59.123Z");
    const created = await testDb().$transaction((tx) =>
      appendLedgerEntries(tx, {
        customerId: customer.id,
        authorId: null,
        entries: Array.from({ length: 50 }, (_, index) => ({
          kind: "ADJUSTMENT" as const,
          minutes: index + 1,
          occurredAt,
          comment: `entry ${index}`,
        })),
      }),
    );
    const stored = await testDb().ledgerEntry.findMany({ orderBy: { sequence: "asc" } });

    expect(created.map((entry) => entry.comment)).toEqual(stored.map((entry) => entry.comment));
    expect(stored.map((entry) => entry.minutes)).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 1),
    );
    expect(stored.at(-1)?.balanceAfter).toBe((50 * 51) / 2);
    expect(stored.every((entry) => entry.occurredAt.getTime() === occurredAt.getTime())).toBe(true);
    expect(created[0]?.occurredAt).toEqual(occurredAt);
  });

  it("rejects a negative top-up and changes nothing", async () => {
    const customer = await createCustomer();

    await expect(
      recordLedgerEntry(testDb(), {
        customerId: customer.id,
        authorId: null,
        entry: { kind: "TOP_UP", minutes: -5 },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "ledger.minutesMustBePositive" });
    expect(await testDb().ledgerEntry.count()).toBe(0);
    expect(await balanceOf(customer.id)).toBe(0);
  });

  it("rejects an unknown customer", async () => {
    await expect(
      recordLedgerEntry(testDb(), {
        customerId: "missing",
        authorId: null,
        entry: { kind: "TOP_UP", minutes: 5 },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("rejects a contract of another customer", async () => {
    const customer = await createCustomer();
    const other = await createCustomer();
    const contract = await testDb().contract.create({
      data: { customerId: other.id, number: "C-1", startsOn: new Date("2026-01-01") },
    });

    await expect(
      recordLedgerEntry(testDb(), {
        customerId: customer.id,
        authorId: null,
        entry: { kind: "TOP_UP", minutes: 60, contractId: contract.id },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "ledger.contractNotOfCustomer" });
    expect(await balanceOf(customer.id)).toBe(0);
  });

  it("links a reversal and allows only one", async () => {
    const customer = await createCustomer();
    const db = testDb();
    const entry = await recordLedgerEntry(db, {
      customerId: customer.id,
      authorId: null,
      entry: { kind: "TOP_UP", minutes: 300 },
    });

    const reversal = await reverseLedgerEntry(db, {
      entryId: entry.id,
      authorId: null,
      reason: "wrong customer",
    });

    expect(reversal.reversesId).toBe(entry.id);
    expect(reversal.minutes).toBe(-300);
    expect(reversal.kind).toBe("TOP_UP");
    expect(await balanceOf(customer.id)).toBe(0);
    await expect(
      reverseLedgerEntry(db, { entryId: entry.id, authorId: null, reason: "again" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "ledger.alreadyReversed",
    });
    await expect(
      reverseLedgerEntry(db, { entryId: reversal.id, authorId: null, reason: "undo" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "ledger.cannotReverseReversal",
    });
    expect(await ledgerSum(customer.id)).toBe(0);
  });

  it("database rejects editing or deleting an entry", async () => {
    const customer = await createCustomer();
    const entry = await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: null,
      entry: { kind: "TOP_UP", minutes: 10 },
    });

    await expect(
      testDb().ledgerEntry.update({ where: { id: entry.id }, data: { minutes: 20 } }),
    ).rejects.toThrow(/append-only/);
    await expect(testDb().ledgerEntry.delete({ where: { id: entry.id } })).rejects.toThrow(
      /append-only/,
    );
    expect(
      (await testDb().ledgerEntry.findUniqueOrThrow({ where: { id: entry.id } })).minutes,
    ).toBe(10);
  });

  it("records an audit event per write", async () => {
    const customer = await createCustomer();
    const author = await createUser();
    await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: author.id,
      entry: { kind: "TOP_UP", minutes: 60 },
    });

    const events = await testDb().auditEvent.findMany({ where: { entityId: customer.id } });

    expect(events).toHaveLength(1);
    expect(events[0].action).toBe("ledger.append");
    expect(events[0].actorId).toBe(author.id);
    expect(events[0].after).toMatchObject({ balanceMinutes: 60 });
  });

  it("records a reversal with its reason", async () => {
    const customer = await createCustomer();
    const entry = await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: null,
      entry: { kind: "TOP_UP", minutes: 60 },
    });
    const reversal = await reverseLedgerEntry(testDb(), {
      entryId: entry.id,
      authorId: null,
      reason: "wrong customer",
    });

    const events = await testDb().auditEvent.findMany({ where: { entityId: customer.id } });
    const reversalEvent = events.find((event) => event.action === "ledger.reverse");

    expect(events.map((event) => event.action).sort()).toEqual(["ledger.append", "ledger.reverse"]);
    expect(reversalEvent?.after).toMatchObject({
      balanceMinutes: 0,
      entries: [{ id: reversal.id, minutes: -60, reversesId: entry.id, reason: "wrong customer" }],
    });
  });

  it("200 concurrent writes leave the exact balance", async () => {
    const customer = await createCustomer();
    const db = testDb();
    const changes = Array.from({ length: 200 }, (_, index) =>
      index % 4 === 0
        ? { kind: "TOP_UP" as const, minutes: 37 }
        : { kind: "SESSION" as const, minutes: -(index % 13) - 1 },
    );
    const expected = changes.reduce((sum, change) => sum + change.minutes, 0);

    const results = await Promise.allSettled(
      changes.map((entry) =>
        recordLedgerEntry(db, { customerId: customer.id, authorId: null, entry }),
      ),
    );

    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(await testDb().ledgerEntry.count({ where: { customerId: customer.id } })).toBe(200);
    expect(await balanceOf(customer.id)).toBe(expected);
    expect(await ledgerSum(customer.id)).toBe(expected);

    const entries = await testDb().ledgerEntry.findMany({
      where: { customerId: customer.id },
      orderBy: { sequence: "asc" },
    });
    let running = 0;
    for (const entry of entries) {
      running += entry.minutes;
      expect(entry.balanceAfter).toBe(running);
    }
  });
});

describe("AppError", () => {
  it("maps codes to HTTP statuses", () => {
    expect(new AppError("FORBIDDEN", "auth.forbidden").status).toBe(403);
    expect(new AppError("VALIDATION", "x").status).toBe(400);
  });
});
