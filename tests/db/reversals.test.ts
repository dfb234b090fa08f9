import { beforeEach, describe, expect, it } from "vitest";

import { listLedgerEntries } from "@/lib/db/customers";
import { recordLedgerEntry, reverseLedgerEntry } from "@/lib/db/ledger";

import { rejectionOf } from "./app-error";
import { createCustomer, createUser, resetDatabase, testDb } from "./helpers";

describe("ledger reversals", () => {
  beforeEach(resetDatabase);

  it("links entry and reversal both ways in the history", async () => {
    const customer = await createCustomer();
    const admin = await createUser("ADMIN");
    const topUp = await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: admin.id,
      entry: { kind: "TOP_UP", minutes: 300 },
    });

    const reversal = await reverseLedgerEntry(testDb(), {
      entryId: topUp.id,
      authorId: admin.id,
      reason: "Wrong pack size",
    });

    const { rows } = await listLedgerEntries(testDb(), { customerId: customer.id, page: 1 });
    const [newest, oldest] = rows;
    expect(newest.id).toBe(reversal.id);
    expect(newest.minutes).toBe(-300);
    expect(newest.comment).toBe("Wrong pack size");
    expect(newest.reverses?.id).toBe(topUp.id);
    expect(oldest.reversedBy?.id).toBe(reversal.id);
    expect(newest.balanceAfter).toBe(0);
  });

  it("refuses concurrent reversals of one entry but one", async () => {
    const customer = await createCustomer();
    const entry = await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: null,
      entry: { kind: "TOP_UP", minutes: 120 },
    });

    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((n) =>
        reverseLedgerEntry(testDb(), { entryId: entry.id, authorId: null, reason: `try ${n}` }),
      ),
    );

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const stored = await testDb().customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(stored.balanceMinutes).toBe(0);
    expect(await testDb().ledgerEntry.count({ where: { reversesId: entry.id } })).toBe(1);
  });

  it("rejects a blank reason and changes nothing", async () => {
    const customer = await createCustomer();
    const entry = await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: null,
      entry: { kind: "ADJUSTMENT", minutes: -20 },
    });

    const error = await rejectionOf(
      reverseLedgerEntry(testDb(), { entryId: entry.id, authorId: null, reason: "  " }),
    );

    expect(error.messageKey).toBe("ledger.reasonRequired");
    expect(error.fields.map((field) => field.field)).toEqual(["reason"]);
    expect(await testDb().ledgerEntry.count()).toBe(1);
  });
});
