import { beforeEach, describe, expect, it } from "vitest";

import { recordLedgerEntry, reverseLedgerEntry } from "@/lib/db/ledger";
import { closePostpaidPeriod, listPostpaidPeriod } from "@/lib/db/postpaid-close";
import { recordSession, updateSession } from "@/lib/db/sessions";
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

async function recordLateSession(customerId: string, at: string, minutes: number) {
  return recordLedgerEntry(testDb(), {
    customerId,
    authorId: null,
    entry: { kind: "SESSION", minutes: -minutes, occurredAt: new Date(at) },
  });
}

async function billingCount(customerId: string) {
  return testDb().ledgerEntry.count({ where: { customerId, kind: "POSTPAID_BILLING" } });
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
    expect(rows[0]).toMatchObject({
      customerId: customer.id,
      consumedMinutes: 35,
      billings: [],
      billedMinutes: 0,
      toBillMinutes: 35,
    });
  });

  it("counts sessions by start month", async () => {
    const customer = await postpaidCustomer("P-NIGHT", []);
    // 23:40 on 30 November in Rome to 00:25 on 1 December.
    await recordSession(testDb(), {
      source: "API",
      actorId: null,
      now: afterNovember,
      code: "NIGHT-1",
      customerCode: customer.code,
      operatorName: "Anna Rossi",
      startedAt: new Date("2026-11-30T22:40:00Z"),
      endedAt: new Date("2026-11-30T23:25:00Z"),
    });

    const [row] = await listPostpaidPeriod(testDb(), november);
    const [december] = await listPostpaidPeriod(
      testDb(),
      parseBillingMonth("2026-12") as BillingMonth,
    );

    expect(row.consumedMinutes).toBe(45);
    expect(december?.consumedMinutes ?? 0).toBe(0);
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
    expect(rows.map((row) => row.billings.map((billing) => billing.invoiceReference))).toEqual([
      ["FT 2026/101"],
      ["FT 2026/102"],
    ]);
    expect(rows.map((row) => row.toBillMinutes)).toEqual([0, 0]);
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

    expect(error.code).toBe("CONFLICT");
    expect(error.messageKey).toBe("postpaid.nothingLeftToBill");
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

    expect(rowBefore.billings).toEqual([]);
    expect(rowBefore.toBillMinutes).toBe(30);
    expect(second.idempotencyKey).toBe(`postpaid:${customer.id}:2026-11:2`);
    expect(second.minutes).toBe(30);
    expect(second.comment).toBe("Consuntivo novembre 2026");
    expect(rowAfter.billings.map((billing) => billing.invoiceReference)).toEqual(["FT 2"]);
    expect((await rejectionOf(close("FT 3"))).messageKey).toBe("postpaid.nothingLeftToBill");
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

describe("postpaid supplement", () => {
  beforeEach(resetDatabase);

  function closeNovember(actorId: string, customerId: string, invoiceReference: string) {
    return closePostpaidPeriod(testDb(), {
      month: november,
      actorId,
      now: afterNovember,
      invoices: [{ customerId, invoiceReference }],
    });
  }

  it("bills a late session as a supplement", async () => {
    const admin = await createUser("ADMIN");
    const customer = await postpaidCustomer("P1", [["2026-11-03T09:00:00Z", 30]]);
    await closeNovember(admin.id, customer.id, "FT 1");
    await recordLateSession(customer.id, "2026-11-20T15:00:00Z", 15);

    const [rowBefore] = await listPostpaidPeriod(testDb(), november);
    const [supplement] = await closeNovember(admin.id, customer.id, "FT 2");
    const [rowAfter] = await listPostpaidPeriod(testDb(), november);
    const balance = await testDb().customer.findUniqueOrThrow({
      where: { id: customer.id },
      select: { balanceMinutes: true },
    });

    expect(rowBefore).toMatchObject({ consumedMinutes: 45, billedMinutes: 30, toBillMinutes: 15 });
    expect(supplement.minutes).toBe(15);
    expect(supplement.invoiceReference).toBe("FT 2");
    expect(supplement.idempotencyKey).toBe(`postpaid:${customer.id}:2026-11:2`);
    expect(supplement.comment).toBe("Integrazione consuntivo novembre 2026");
    expect(rowAfter).toMatchObject({ consumedMinutes: 45, billedMinutes: 45, toBillMinutes: 0 });
    expect(rowAfter.billings.map((billing) => billing.invoiceReference)).toEqual(["FT 1", "FT 2"]);
    expect(balance.balanceMinutes).toBe(0);
  });

  it("rejects changed minutes to bill", async () => {
    const admin = await createUser("ADMIN");
    const customer = await postpaidCustomer("P1", [["2026-11-03T09:00:00Z", 30]]);
    // The admin saw 30 minutes, then a late session of 10 arrived before the submit.
    await recordLateSession(customer.id, "2026-11-10T09:00:00Z", 10);

    const error = await rejectionOf(
      closePostpaidPeriod(testDb(), {
        month: november,
        actorId: admin.id,
        invoices: [{ customerId: customer.id, invoiceReference: "FT 30", minutes: 30 }],
        now: afterNovember,
      }),
    );
    const billed = await closePostpaidPeriod(testDb(), {
      month: november,
      actorId: admin.id,
      invoices: [{ customerId: customer.id, invoiceReference: "FT 40", minutes: 40 }],
      now: afterNovember,
    });

    expect(error.code).toBe("CONFLICT");
    expect(error.messageKey).toBe("postpaid.minutesChanged");
    expect(error.values).toEqual({ name: "Studio P1", shown: 30, current: 40 });
    expect(billed.map((entry) => [entry.minutes, entry.invoiceReference])).toEqual([[40, "FT 40"]]);
    expect(await billingCount(customer.id)).toBe(1);
  });

  it("rejects a supplement when nothing is new", async () => {
    const admin = await createUser("ADMIN");
    const customer = await postpaidCustomer("P1", [["2026-11-03T09:00:00Z", 30]]);
    await closeNovember(admin.id, customer.id, "FT 1");
    // 30 November 23:30 UTC is already December in Rome, so November has nothing new.
    await recordLateSession(customer.id, "2026-11-30T23:30:00Z", 15);

    const [row] = await listPostpaidPeriod(testDb(), november);
    const error = await rejectionOf(closeNovember(admin.id, customer.id, "FT 2"));

    expect(row.toBillMinutes).toBe(0);
    expect(error.code).toBe("CONFLICT");
    expect(error.messageKey).toBe("postpaid.nothingLeftToBill");
    expect(error.values).toEqual({ name: "Studio P1" });
    expect(await billingCount(customer.id)).toBe(1);
  });

  it("rejects negative minutes to bill", async () => {
    const admin = await createUser("ADMIN");
    const customer = await postpaidCustomer("P1", [
      ["2026-11-03T09:00:00Z", 30],
      ["2026-11-05T09:00:00Z", 20],
    ]);
    await closeNovember(admin.id, customer.id, "FT 1");
    const session = await testDb().ledgerEntry.findFirstOrThrow({
      where: { customerId: customer.id, kind: "SESSION", minutes: -20 },
    });
    // The reversal is recorded now, after November, and still counts in November.
    await reverseLedgerEntry(testDb(), {
      entryId: session.id,
      authorId: admin.id,
      reason: "Session of another customer",
    });

    const [row] = await listPostpaidPeriod(testDb(), november);
    const error = await rejectionOf(closeNovember(admin.id, customer.id, "FT 2"));

    expect(row).toMatchObject({ consumedMinutes: 30, billedMinutes: 50, toBillMinutes: -20 });
    expect(error.messageKey).toBe("postpaid.nothingLeftToBill");
    expect(await billingCount(customer.id)).toBe(1);
  });

  it("bills a moved session to its new customer", async () => {
    const admin = await createUser("ADMIN");
    const from = await postpaidCustomer("P1", []);
    const to = await postpaidCustomer("P2", [["2026-11-03T09:00:00Z", 10]]);
    const { session } = await recordSession(testDb(), {
      source: "API",
      actorId: null,
      now: afterNovember,
      code: "LATE-MOVE",
      customerCode: from.code,
      operatorName: "Anna Rossi",
      startedAt: new Date("2026-11-12T09:00:00Z"),
      endedAt: new Date("2026-11-12T09:40:00Z"),
    });
    const charged = session.billedMinutes ?? 0;
    await closePostpaidPeriod(testDb(), {
      month: november,
      actorId: admin.id,
      now: afterNovember,
      invoices: [
        { customerId: from.id, invoiceReference: "FT 1" },
        { customerId: to.id, invoiceReference: "FT 2" },
      ],
    });

    await updateSession(testDb(), {
      id: session.id,
      customerId: to.id,
      reason: "Wrong customer",
      actorId: admin.id,
    });
    const rows = new Map(
      (await listPostpaidPeriod(testDb(), november)).map((row) => [row.customerId, row]),
    );
    const [supplement] = await closeNovember(admin.id, to.id, "FT 3");

    expect(charged).toBeGreaterThan(0);
    expect(rows.get(from.id)?.toBillMinutes).toBe(-charged);
    expect(rows.get(to.id)?.toBillMinutes).toBe(charged);
    expect(supplement.minutes).toBe(charged);
  });

  it("bills one of concurrent supplements", async () => {
    const admin = await createUser("ADMIN");
    const customer = await postpaidCustomer("P1", [["2026-11-03T09:00:00Z", 30]]);
    await closeNovember(admin.id, customer.id, "FT 1");
    await recordLateSession(customer.id, "2026-11-20T15:00:00Z", 15);

    const results = await Promise.allSettled([
      closeNovember(admin.id, customer.id, "A"),
      closeNovember(admin.id, customer.id, "B"),
      closeNovember(admin.id, customer.id, "C"),
    ]);
    const billed = await testDb().ledgerEntry.aggregate({
      where: { customerId: customer.id, kind: "POSTPAID_BILLING" },
      _sum: { minutes: true },
    });

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await billingCount(customer.id)).toBe(2);
    expect(billed._sum.minutes).toBe(45);
  });
});
