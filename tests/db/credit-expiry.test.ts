import { beforeEach, describe, expect, it } from "vitest";

import { applyDueExpiries, expiryKey } from "@/lib/db/credit-expiry";
import { appendLedgerEntries, recordLedgerEntry } from "@/lib/db/ledger";

import { createCustomer, resetDatabase, testDb } from "./helpers";

const at = (iso: string) => new Date(iso);

async function record(customerId: string, entry: Parameters<typeof recordLedgerEntry>[1]["entry"]) {
  return recordLedgerEntry(testDb(), { customerId, authorId: null, entry });
}

async function balanceAndSum(customerId: string) {
  const customer = await testDb().customer.findUniqueOrThrow({ where: { id: customerId } });
  const sum = await testDb().ledgerEntry.aggregate({
    where: { customerId },
    _sum: { minutes: true },
  });

  return { balance: customer.balanceMinutes, sum: sum._sum.minutes };
}

describe("applyDueExpiries", () => {
  beforeEach(resetDatabase);

  it("records the unused minutes of an expired top-up once", async () => {
    const customer = await createCustomer();
    const topUp = await record(customer.id, {
      kind: "TOP_UP",
      minutes: 600,
      occurredAt: at("2026-01-10T09:00:00Z"),
      expiresAt: at("2026-03-01T00:00:00Z"),
    });
    await record(customer.id, {
      kind: "SESSION",
      minutes: -200,
      occurredAt: at("2026-02-01T10:00:00Z"),
    });

    const first = await applyDueExpiries(testDb(), { now: at("2026-04-01T00:00:00Z") });
    const second = await applyDueExpiries(testDb(), { now: at("2026-04-01T00:00:00Z") });

    expect(first).toBe(1);
    expect(second).toBe(0);
    const expiries = await testDb().ledgerEntry.findMany({
      where: { idempotencyKey: expiryKey(topUp.id) },
    });
    expect(expiries).toHaveLength(1);
    expect(expiries[0].kind).toBe("ADJUSTMENT");
    expect(expiries[0].minutes).toBe(-400);
    expect(expiries[0].occurredAt).toEqual(at("2026-03-01T00:00:00Z"));
    expect(expiries[0].comment).toContain("400 minuti non usati della ricarica del 10/01/2026");
    expect(await balanceAndSum(customer.id)).toEqual({ balance: 0, sum: 0 });
  });

  it("skips used-up top-ups until changes", async () => {
    const customer = await createCustomer();
    await record(customer.id, {
      kind: "TOP_UP",
      minutes: 100,
      occurredAt: at("2026-01-10T09:00:00Z"),
      expiresAt: at("2026-03-01T00:00:00Z"),
    });
    const session = await record(customer.id, {
      kind: "SESSION",
      minutes: -100,
      occurredAt: at("2026-02-01T10:00:00Z"),
    });
    const checkedAt = async () =>
      (await testDb().customerExpiryCheck.findUnique({ where: { customerId: customer.id } }))
        ?.checkedAt;

    expect(await applyDueExpiries(testDb(), { now: at("2026-04-01T00:00:00Z") })).toBe(0);
    expect(await checkedAt()).toEqual(at("2026-04-01T00:00:00Z"));
    expect(await applyDueExpiries(testDb(), { now: at("2026-04-02T00:00:00Z") })).toBe(0);
    expect(await checkedAt()).toEqual(at("2026-04-01T00:00:00Z"));

    // The charge goes back before the expiry, so the top-up had minutes left when it expired.
    await testDb().$transaction((tx) =>
      appendLedgerEntries(tx, {
        customerId: customer.id,
        authorId: null,
        entries: [
          {
            kind: "SESSION",
            minutes: 100,
            reversesId: session.id,
            occurredAt: at("2026-02-02T10:00:00Z"),
          },
        ],
      }),
    );

    expect(await applyDueExpiries(testDb(), { now: at("2026-04-03T00:00:00Z") })).toBe(1);
    expect(await checkedAt()).toEqual(at("2026-04-03T00:00:00Z"));
    expect(await balanceAndSum(customer.id)).toEqual({ balance: 0, sum: 0 });
    // A run that ignores the check finds nothing more.
    await testDb().customerExpiryCheck.deleteMany();
    expect(await applyDueExpiries(testDb(), { now: at("2026-04-03T00:00:00Z") })).toBe(0);
  });

  it("rechecks after another top-up expires", async () => {
    const customer = await createCustomer();
    for (const expiresAt of ["2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z"]) {
      await record(customer.id, {
        kind: "TOP_UP",
        minutes: 50,
        occurredAt: at("2026-01-10T09:00:00Z"),
        expiresAt: at(expiresAt),
      });
    }
    await record(customer.id, {
      kind: "SESSION",
      minutes: -50,
      occurredAt: at("2026-02-01T10:00:00Z"),
    });

    expect(await applyDueExpiries(testDb(), { now: at("2026-04-01T00:00:00Z") })).toBe(0);
    expect(await applyDueExpiries(testDb(), { now: at("2026-06-01T00:00:00Z") })).toBe(1);
  });

  it("waits for the expiry date", async () => {
    const customer = await createCustomer();
    await record(customer.id, {
      kind: "TOP_UP",
      minutes: 100,
      occurredAt: at("2026-01-10T09:00:00Z"),
      expiresAt: at("2026-03-01T00:00:00Z"),
    });

    expect(await applyDueExpiries(testDb(), { now: at("2026-02-28T23:59:59Z") })).toBe(0);
    expect((await balanceAndSum(customer.id)).balance).toBe(100);
  });

  it("expires the newer top-up after the older one is used", async () => {
    const customer = await createCustomer();
    await record(customer.id, {
      kind: "TOP_UP",
      minutes: 100,
      occurredAt: at("2026-01-01T09:00:00Z"),
      expiresAt: at("2026-06-01T00:00:00Z"),
    });
    const newer = await record(customer.id, {
      kind: "TOP_UP",
      minutes: 100,
      occurredAt: at("2026-01-02T09:00:00Z"),
      expiresAt: at("2026-03-01T00:00:00Z"),
    });
    await record(customer.id, {
      kind: "SESSION",
      minutes: -150,
      occurredAt: at("2026-01-05T09:00:00Z"),
    });

    await applyDueExpiries(testDb(), { now: at("2026-07-01T00:00:00Z") });

    const expiries = await testDb().ledgerEntry.findMany({
      where: { customerId: customer.id, idempotencyKey: { startsWith: "expiry:" } },
    });
    expect(expiries.map((entry) => [entry.idempotencyKey, entry.minutes])).toEqual([
      [expiryKey(newer.id), -50],
    ]);
    expect(await balanceAndSum(customer.id)).toEqual({ balance: 0, sum: 0 });
  });

  it("limits the run to one customer when asked", async () => {
    const first = await createCustomer();
    const second = await createCustomer();
    for (const customer of [first, second]) {
      await record(customer.id, {
        kind: "TOP_UP",
        minutes: 50,
        occurredAt: at("2026-01-01T09:00:00Z"),
        expiresAt: at("2026-02-01T00:00:00Z"),
      });
    }

    const count = await applyDueExpiries(testDb(), {
      now: at("2026-03-01T00:00:00Z"),
      customerId: first.id,
    });

    expect(count).toBe(1);
    expect((await balanceAndSum(first.id)).balance).toBe(0);
    expect((await balanceAndSum(second.id)).balance).toBe(50);
  });

  it("records each expiry once under concurrent runs", async () => {
    const customer = await createCustomer();
    await record(customer.id, {
      kind: "TOP_UP",
      minutes: 80,
      occurredAt: at("2026-01-01T09:00:00Z"),
      expiresAt: at("2026-02-01T00:00:00Z"),
    });

    const now = at("2026-03-01T00:00:00Z");
    const counts = await Promise.all([1, 2, 3].map(() => applyDueExpiries(testDb(), { now })));

    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(await balanceAndSum(customer.id)).toEqual({ balance: 0, sum: 0 });
  });
});
