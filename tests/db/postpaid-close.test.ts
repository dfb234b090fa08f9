import { beforeEach, describe, expect, it } from "vitest";

import { recordLedgerEntry, reverseLedgerEntry } from "@/lib/db/ledger";
import { closePostpaidPeriod, listPostpaidPeriod } from "@/lib/db/postpaid-close";
import { type BillingMonth, parseBillingMonth } from "@/lib/domain/billing-month";

import { rejectionOf } from "./app-error";
import { createCustomer, createUser, resetDatabase, testDb } from "./helpers";

const november = parseBillingMonth("2026-11") as BillingMonth;
const afterNovember = new Date("2026-12-04T10:00:00Z");

async function postpaidCustomer(code: string, sessions: [string, number][]) {
  const customer = await createCustomer({ code, name: `Studio ${code}` });
  await testDb().customer.update({ where: { id: customer.id }, data: { billingMode: "POSTPAID" } });
  for (const [at, minutes] of sessions) {
    await recordLedgerEntry(testDb(), {
      customerId: customer.id,
      authorId: null,
      entry: { kind: "SESSION", minutes: -minutes, occurredAt: new Date(at) },
    });
  }

  return customer;
}

describe("postpaid period close", () => {
  beforeEach(resetDatabase);

  it("lists the month's consumption in the business time zone", async () => {
    // 31 October 23:30 UTC is 1 November 00:30 in Rome; 30 November 23:30 UTC is 1 December.
    const customer = await postpaidCustomer("P1", [
      ["2026-10-31T23:30:00Z", 10],
      ["2026-11-15T09:00:00Z", 25],
      ["2026-11-30T23:30:00Z", 40],
    ]);
    const prepaid = await createCustomer({ code: "X1" });
    await recordLedgerEntry(testDb(), {
      customerId: prepaid.id,
      authorId: null,
      entry: { kind: "SESSION", minutes: -5, occurredAt: new Date("2026-11-10T09:00:00Z") },
    });

    const rows = await listPostpaidPeriod(testDb(), november);

    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ customerId: customer.id, consumedMinutes: 35, billing: null });
  });

  it("bills every listed customer in one transaction", async () => {
    const admin = await createUser("ADMIN");
    const first = await postpaidCustomer("P1", [["2026-11-03T09:00:00Z", 30]]);
    const second = await postpaidCustomer("P2", [["2026-11-04T09:00:00Z", 45]]);

    const entries = await closePostpaidPeriod(testDb(), {
      month: november,
      actorId: admin.id,
      now: afterNovember,
      invoices: [
        { customerId: first.id, invoiceReference: "FT 2026/101" },
        { customerId: second.id, invoiceReference: "FT 2026/102" },
      ],
    });

    expect(entries.map((entry) => [entry.kind, entry.minutes, entry.invoiceReference])).toEqual([
      ["POSTPAID_BILLING", 30, "FT 2026/101"],
      ["POSTPAID_BILLING", 45, "FT 2026/102"],
    ]);
    expect(entries[0].idempotencyKey).toBe(`postpaid:${first.id}:2026-11`);
    expect(entries[0].comment).toBe("Consuntivo novembre 2026");
    const balances = await testDb().customer.findMany({
      where: { id: { in: [first.id, second.id] } },
      select: { balanceMinutes: true },
    });
    expect(balances.map((row) => row.balanceMinutes)).toEqual([0, 0]);
    const rows = await listPostpaidPeriod(testDb(), november);
    expect(rows.map((row) => row.billing?.invoiceReference)).toEqual([
      "FT 2026/101",
      "FT 2026/102",
    ]);
  });

  it("bills nothing twice and nothing at all on a second close", async () => {
    const admin = await createUser("ADMIN");
    const first = await postpaidCustomer("P1", [["2026-11-03T09:00:00Z", 30]]);
    const second = await postpaidCustomer("P2", [["2026-11-04T09:00:00Z", 45]]);
    await closePostpaidPeriod(testDb(), {
      month: november,
      actorId: admin.id,
      now: afterNovember,
      invoices: [{ customerId: first.id, invoiceReference: "FT 1" }],
    });

    const error = await rejectionOf(
      closePostpaidPeriod(testDb(), {
        month: november,
        actorId: admin.id,
        now: afterNovember,
        invoices: [
          { customerId: second.id, invoiceReference: "FT 2" },
          { customerId: first.id, invoiceReference: "FT 3" },
        ],
      }),
    );

    expect(error.messageKey).toBe("postpaid.alreadyBilled");
    expect(error.fields[0].field).toBe("invoices.1.customerId");
    // The second customer, valid on its own, was not billed either.
    expect(await testDb().ledgerEntry.count({ where: { kind: "POSTPAID_BILLING" } })).toBe(1);
  });

  it("bills a month again after its billing is reversed", async () => {
    const admin = await createUser("ADMIN");
    const customer = await postpaidCustomer("P1", [["2026-11-03T09:00:00Z", 30]]);
    const close = (reference: string) =>
      closePostpaidPeriod(testDb(), {
        month: november,
        actorId: admin.id,
        now: afterNovember,
        invoices: [{ customerId: customer.id, invoiceReference: reference }],
      });
    const [first] = await close("FT 1");
    await reverseLedgerEntry(testDb(), {
      entryId: first.id,
      authorId: admin.id,
      reason: "Wrong invoice",
    });

    const [rowBefore] = await listPostpaidPeriod(testDb(), november);
    const [second] = await close("FT 2");
    const [rowAfter] = await listPostpaidPeriod(testDb(), november);

    expect(rowBefore.billing).toBeNull();
    expect(second.idempotencyKey).toBe(`postpaid:${customer.id}:2026-11:2`);
    expect(second.minutes).toBe(30);
    expect(rowAfter.billing?.invoiceReference).toBe("FT 2");
    expect((await rejectionOf(close("FT 3"))).messageKey).toBe("postpaid.alreadyBilled");
  });

  it("lets only one of two concurrent closes bill", async () => {
    const admin = await createUser("ADMIN");
    const customer = await postpaidCustomer("P1", [["2026-11-03T09:00:00Z", 30]]);
    const close = (reference: string) =>
      closePostpaidPeriod(testDb(), {
        month: november,
        actorId: admin.id,
        now: afterNovember,
        invoices: [{ customerId: customer.id, invoiceReference: reference }],
      });

    const results = await Promise.allSettled([close("A"), close("B"), close("C")]);

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await testDb().ledgerEntry.count({ where: { kind: "POSTPAID_BILLING" } })).toBe(1);
  });

  it("rejects a month that has not ended", async () => {
    const admin = await createUser("ADMIN");
    const customer = await postpaidCustomer("P1", [["2026-11-03T09:00:00Z", 30]]);

    const error = await rejectionOf(
      closePostpaidPeriod(testDb(), {
        month: november,
        actorId: admin.id,
        now: new Date("2026-11-30T22:59:59Z"),
        invoices: [{ customerId: customer.id, invoiceReference: "FT 1" }],
      }),
    );

    expect(error.messageKey).toBe("postpaid.monthNotEnded");
    expect(await testDb().ledgerEntry.count({ where: { kind: "POSTPAID_BILLING" } })).toBe(0);
  });

  it("rejects customers with nothing to bill or not postpaid", async () => {
    const admin = await createUser("ADMIN");
    const idle = await postpaidCustomer("P1", []);
    const prepaid = await createCustomer({ code: "X1" });

    const nothing = await rejectionOf(
      closePostpaidPeriod(testDb(), {
        month: november,
        actorId: admin.id,
        now: afterNovember,
        invoices: [{ customerId: idle.id, invoiceReference: "FT 1" }],
      }),
    );
    const notPostpaid = await rejectionOf(
      closePostpaidPeriod(testDb(), {
        month: november,
        actorId: admin.id,
        now: afterNovember,
        invoices: [{ customerId: prepaid.id, invoiceReference: "FT 1" }],
      }),
    );

    expect(nothing.messageKey).toBe("postpaid.nothingToBill");
    expect(notPostpaid.messageKey).toBe("postpaid.notPostpaid");
  });
});
