import { readFileSync } from "node:fs";
import path from "node:path";

import { beforeEach, describe, expect, it } from "vitest";

import {
  findCustomerBalanceDifferences,
  rebuildCustomerBalances,
} from "@/lib/db/customer-balance-check";
import { appendLedgerEntries, recordLedgerEntry, reverseLedgerEntry } from "@/lib/db/ledger";

import { createCustomer, resetDatabase, testDb } from "./helpers";

async function lastTopUpOf(customerId: string): Promise<number | null> {
  const customer = await testDb().customer.findUniqueOrThrow({ where: { id: customerId } });

  return customer.lastTopUpMinutes;
}

function record(
  customerId: string,
  kind: "TOP_UP" | "POSTPAID_BILLING" | "ADJUSTMENT" | "SESSION",
  minutes: number,
) {
  return recordLedgerEntry(testDb(), { customerId, authorId: null, entry: { kind, minutes } });
}

describe("Customer.lastTopUpMinutes", () => {
  beforeEach(resetDatabase);

  it("starts empty", async () => {
    const customer = await createCustomer();

    expect(await lastTopUpOf(customer.id)).toBeNull();
  });

  it("takes the minutes of a top-up", async () => {
    const customer = await createCustomer();

    await record(customer.id, "TOP_UP", 300);

    expect(await lastTopUpOf(customer.id)).toBe(300);
  });

  it.each([
    ["postpaid billing", "POSTPAID_BILLING", 90],
    ["positive adjustment", "ADJUSTMENT", 30],
    ["negative adjustment", "ADJUSTMENT", -30],
    ["session", "SESSION", -45],
  ] as const)("stays after a later %s", async (_name, kind, minutes) => {
    const customer = await createCustomer();
    await record(customer.id, "TOP_UP", 300);

    await record(customer.id, kind, minutes);

    expect(await lastTopUpOf(customer.id)).toBe(300);
  });

  it("falls back when the top-up is reversed", async () => {
    const customer = await createCustomer();
    await record(customer.id, "TOP_UP", 120);
    const second = await record(customer.id, "TOP_UP", 300);

    await reverseLedgerEntry(testDb(), { entryId: second.id, authorId: null, reason: "typo" });

    expect(await lastTopUpOf(customer.id)).toBe(120);
  });

  it("is cleared when the only top-up is reversed", async () => {
    const customer = await createCustomer();
    const only = await record(customer.id, "TOP_UP", 300);

    await reverseLedgerEntry(testDb(), { entryId: only.id, authorId: null, reason: "typo" });

    expect(await lastTopUpOf(customer.id)).toBeNull();
  });

  it("takes the newest top-up of a batch", async () => {
    const customer = await createCustomer();
    await record(customer.id, "TOP_UP", 60);

    await testDb().$transaction((tx) =>
      appendLedgerEntries(tx, {
        customerId: customer.id,
        authorId: null,
        entries: [
          { kind: "TOP_UP", minutes: 120 },
          { kind: "TOP_UP", minutes: 240 },
          { kind: "SESSION", minutes: -30 },
        ],
      }),
    );

    expect(await lastTopUpOf(customer.id)).toBe(240);
  });

  it("backfill of the migration matches the ledger", async () => {
    const customer = await createCustomer();
    const untouched = await createCustomer();
    await record(customer.id, "TOP_UP", 120);
    await record(customer.id, "TOP_UP", 300);
    await record(customer.id, "SESSION", -20);
    const mistaken = await record(customer.id, "TOP_UP", 5000);
    await reverseLedgerEntry(testDb(), { entryId: mistaken.id, authorId: null, reason: "typo" });
    await testDb().$executeRaw`UPDATE "Customer" SET "lastTopUpMinutes" = NULL`;
    const migration = readFileSync(
      path.join("prisma", "migrations", "20261206010000_customer_last_top_up", "migration.sql"),
      "utf8",
    );
    const backfill = migration.split(";").find((statement) => statement.includes("UPDATE"));

    await testDb().$executeRawUnsafe(backfill ?? "missing UPDATE");

    expect(await lastTopUpOf(customer.id)).toBe(300);
    expect(await lastTopUpOf(untouched.id)).toBeNull();
  });
});

describe("customer balance check", () => {
  beforeEach(resetDatabase);

  it("finds nothing when values match the ledger", async () => {
    const customer = await createCustomer();
    await record(customer.id, "TOP_UP", 300);
    await record(customer.id, "SESSION", -45);

    expect(await findCustomerBalanceDifferences(testDb())).toEqual([]);
  });

  it("finds and rebuilds tampered values", async () => {
    const tampered = await createCustomer({ code: "C-TAMPERED" });
    const exact = await createCustomer({ code: "C-EXACT" });
    const empty = await createCustomer({ code: "C-EMPTY" });
    await record(tampered.id, "TOP_UP", 300);
    await record(tampered.id, "SESSION", -45);
    await record(exact.id, "TOP_UP", 60);
    await testDb().$executeRaw`
      UPDATE "Customer" SET "balanceMinutes" = 999, "lastTopUpMinutes" = 1
      WHERE "id" = ${tampered.id}`;
    await testDb().$executeRaw`
      UPDATE "Customer" SET "lastTopUpMinutes" = 5 WHERE "id" = ${empty.id}`;

    const differences = await findCustomerBalanceDifferences(testDb());
    const changed = await rebuildCustomerBalances(testDb());
    const after = await findCustomerBalanceDifferences(testDb());
    const rebuilt = await testDb().customer.findUniqueOrThrow({ where: { id: tampered.id } });

    expect(differences).toEqual([
      {
        customerId: empty.id,
        code: "C-EMPTY",
        stored: { balanceMinutes: 0, lastTopUpMinutes: 5 },
        expected: { balanceMinutes: 0, lastTopUpMinutes: null },
      },
      {
        customerId: tampered.id,
        code: "C-TAMPERED",
        stored: { balanceMinutes: 999, lastTopUpMinutes: 1 },
        expected: { balanceMinutes: 255, lastTopUpMinutes: 300 },
      },
    ]);
    expect(changed).toBe(2);
    expect(after).toEqual([]);
    expect(rebuilt.balanceMinutes).toBe(255);
    expect(rebuilt.lastTopUpMinutes).toBe(300);
    expect(await lastTopUpOf(exact.id)).toBe(60);
  });
});
