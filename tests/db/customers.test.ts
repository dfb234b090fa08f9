import { beforeEach, describe, expect, it } from "vitest";

import { lookupBalances } from "@/lib/db/balance-lookup";
import { CUSTOMERS_PAGE_SIZE, listLedgerEntries, searchCustomers } from "@/lib/db/customers";
import { loadCustomersToActOn } from "@/lib/db/dashboard/customers-to-act-on";
import { recordLedgerEntry, reverseLedgerEntry } from "@/lib/db/ledger";

import { createCustomer, resetDatabase, testDb } from "./helpers";

describe("customer queries", () => {
  beforeEach(resetDatabase);

  it("searches by code prefix or name, case-insensitive, and pages", async () => {
    for (let index = 1; index <= CUSTOMERS_PAGE_SIZE + 5; index += 1) {
      await createCustomer({
        code: `K${String(index).padStart(3, "0")}`,
        name: `Ferramenta ${index}`,
      });
    }
    await createCustomer({ code: "Z900", name: "Agliè Servizi" });

    const firstPage = await searchCustomers(testDb(), { query: "", page: 1 });
    const byCode = await searchCustomers(testDb(), { query: "k00", page: 1 });
    const byName = await searchCustomers(testDb(), { query: "agliè", page: 1 });
    const secondPage = await searchCustomers(testDb(), { query: "ferramenta", page: 2 });

    expect(firstPage.total).toBe(CUSTOMERS_PAGE_SIZE + 6);
    expect(firstPage.rows).toHaveLength(CUSTOMERS_PAGE_SIZE);
    expect(firstPage.pages).toBe(2);
    expect(byCode.total).toBe(9);
    expect(byName.rows.map((row) => row.code)).toEqual(["Z900"]);
    expect(secondPage.rows).toHaveLength(5);
  });

  it("lists the ledger newest first with the author", async () => {
    const customer = await createCustomer();
    const author = await testDb().user.create({
      data: { email: "a@example.test", name: "Anna", role: "ADMIN", passwordHash: "x" },
    });
    for (const minutes of [100, -10, -20]) {
      await recordLedgerEntry(testDb(), {
        customerId: customer.id,
        authorId: author.id,
        entry: { kind: minutes > 0 ? "TOP_UP" : "ADJUSTMENT", minutes },
      });
    }

    const { rows, total } = await listLedgerEntries(testDb(), { customerId: customer.id, page: 1 });

    expect(total).toBe(3);
    expect(rows.map((row) => row.minutes)).toEqual([-20, -10, 100]);
    expect(rows.map((row) => row.balanceAfter)).toEqual([70, 90, 100]);
    expect(rows[0].author?.name).toBe("Anna");
  });
});

describe("balance lookup", () => {
  beforeEach(resetDatabase);

  it("puts the exact code first and flags exhausted and low balances", async () => {
    const exact = await createCustomer({ code: "ROSSI", name: "Zeta Rossi" });
    const low = await createCustomer({ code: "ROSSI2", name: "Alfa Rossi" });
    await testDb().customer.update({ where: { id: low.id }, data: { lowBalanceThreshold: 50 } });
    await recordLedgerEntry(testDb(), {
      customerId: low.id,
      authorId: null,
      entry: { kind: "TOP_UP", minutes: 30 },
    });

    const results = await lookupBalances(testDb(), "rossi");

    expect(results.map((result) => result.id)).toEqual([exact.id, low.id]);
    expect(results[0].status).toBe("EXHAUSTED");
    expect(results[1]).toMatchObject({ balanceMinutes: 30, status: "LOW", thresholdMinutes: 50 });
  });

  it("uses the last top-up for a percentage threshold", async () => {
    const customer = await createCustomer({ code: "PCT" });
    await testDb().customer.update({
      where: { id: customer.id },
      data: { lowBalanceThreshold: 20, lowBalanceKind: "PERCENT_OF_LAST_TOP_UP" },
    });
    await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: null,
      entry: { kind: "TOP_UP", minutes: 1000 },
    });
    await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: null,
      entry: { kind: "TOP_UP", minutes: 500 },
    });
    await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: null,
      entry: { kind: "SESSION", minutes: -1420 },
    });

    const [result] = await lookupBalances(testDb(), "PCT");

    expect(result).toMatchObject({ balanceMinutes: 80, thresholdMinutes: 100, status: "LOW" });
  });

  it("ignores a reversed top-up in the lookup", async () => {
    const customer = await createCustomer({ code: "REV" });
    await testDb().customer.update({
      where: { id: customer.id },
      data: { lowBalanceThreshold: 50, lowBalanceKind: "PERCENT_OF_LAST_TOP_UP" },
    });
    await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: null,
      entry: { kind: "TOP_UP", minutes: 1000 },
    });
    // The second top-up has one zero too many and is reversed. The balance is back to 1000, so
    // the threshold is again 50% of the 1000-minute top-up.
    const mistake = await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: null,
      entry: { kind: "TOP_UP", minutes: 10000 },
    });
    await reverseLedgerEntry(testDb(), { entryId: mistake.id, authorId: null, reason: "typo" });

    const [result] = await lookupBalances(testDb(), "REV");
    const dashboard = await loadCustomersToActOn(testDb(), new Date());

    expect(result).toMatchObject({ balanceMinutes: 1000, thresholdMinutes: 500, status: "OK" });
    expect(dashboard.low.count).toBe(0);
  });

  it("dashboard ignores a reversed top-up", async () => {
    const customer = await createCustomer({ code: "DASH" });
    await testDb().customer.update({
      where: { id: customer.id },
      data: { lowBalanceThreshold: 50, lowBalanceKind: "PERCENT_OF_LAST_TOP_UP" },
    });
    await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: null,
      entry: { kind: "TOP_UP", minutes: 1000 },
    });
    const mistake = await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: null,
      entry: { kind: "TOP_UP", minutes: 10000 },
    });
    await reverseLedgerEntry(testDb(), { entryId: mistake.id, authorId: null, reason: "typo" });
    await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: null,
      entry: { kind: "ADJUSTMENT", minutes: -600 },
    });

    const [result] = await lookupBalances(testDb(), "DASH");
    const dashboard = await loadCustomersToActOn(testDb(), new Date());

    expect(result).toMatchObject({ balanceMinutes: 400, thresholdMinutes: 500, status: "LOW" });
    expect(dashboard.low.rows).toEqual([
      expect.objectContaining({ code: "DASH", balanceMinutes: 400, thresholdMinutes: 500 }),
    ]);
  });

  it("returns nothing for a blank query", async () => {
    await createCustomer();

    expect(await lookupBalances(testDb(), "   ")).toEqual([]);
  });
});
