import { beforeAll, describe, expect, it } from "vitest";

import { verifyPassword } from "@/lib/auth/password";
import { findDailyTotalDifferences } from "@/lib/db/daily-totals";
import { applyDueExpiries } from "@/lib/db/credit-expiry";
import { balanceStatus, LEDGER_KINDS } from "@/lib/domain/ledger";
import { isValidVatNumber } from "@/lib/domain/vat-number";
import { DEMO_ACCOUNTS } from "@/prisma/seed/accounts";
import { type SeedResult, seedDemoData } from "@/prisma/seed/demo-data";

import { resetDatabase, testDb } from "./helpers";

const ANCHOR = "2026-12-04";
// Midnight in Rome (UTC+1 in winter) at the start of 2025-12-04 and of 2026-12-04.
const PERIOD_START = new Date("2025-12-03T23:00:00Z");
const PERIOD_END = new Date("2026-12-03T23:00:00Z");

async function ledgerInSequence() {
  return testDb().ledgerEntry.findMany({ orderBy: { sequence: "asc" } });
}

// Everything a seed writes, with generated ids and insertion timestamps replaced by natural keys.
async function snapshot() {
  const db = testDb();
  const customers = await db.customer.findMany({ orderBy: { code: "asc" } });
  const codeOf = new Map(customers.map((customer) => [customer.id, customer.code]));
  const contracts = await db.contract.findMany({ orderBy: [{ number: "asc" }] });
  const sessions = await db.session.findMany({ orderBy: { code: "asc" } });
  const sessionCodeOf = new Map(sessions.map((session) => [session.id, session.code]));
  const entries = await ledgerInSequence();
  const sequenceOf = new Map(entries.map((entry) => [entry.id, entry.sequence]));
  const contractNumberOf = new Map(contracts.map((contract) => [contract.id, contract.number]));
  const devices = await db.device.findMany({ orderBy: [{ kind: "asc" }, { remoteId: "asc" }] });

  return {
    customers: customers.map((customer) => omit(customer, ["id", "createdAt", "updatedAt"])),
    contracts: contracts.map((contract) => ({
      ...omit(contract, ["id", "createdAt", "updatedAt", "customerId"]),
      customer: codeOf.get(contract.customerId),
    })),
    devices: devices.map((device) => ({
      ...omit(device, ["id", "createdAt", "customerId"]),
      customer: codeOf.get(device.customerId),
    })),
    sessions: sessions.map((session) => ({
      ...omit(session, ["id", "createdAt", "updatedAt", "customerId", "operatorId"]),
      customer: session.customerId && codeOf.get(session.customerId),
      hasOperator: session.operatorId !== null,
    })),
    entries: entries.map((entry) => ({
      ...omit(entry, [
        "id",
        "createdAt",
        "customerId",
        "contractId",
        "sessionId",
        "reversesId",
        "authorId",
        "idempotencyKey",
      ]),
      // Keys name customers and entries by id, so the ids become codes and sequence numbers.
      idempotencyKey: entry.idempotencyKey
        ?.split(":")
        .map((part) => codeOf.get(part) ?? sequenceOf.get(part) ?? part)
        .join(":"),
      customer: codeOf.get(entry.customerId),
      contract: entry.contractId && contractNumberOf.get(entry.contractId),
      session: entry.sessionId && sessionCodeOf.get(entry.sessionId),
      reverses: entry.reversesId && sequenceOf.get(entry.reversesId),
      hasAuthor: entry.authorId !== null,
    })),
  };
}

function omit<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Omit<T, K> {
  const copy = { ...row };
  for (const key of keys) delete copy[key];

  return copy;
}

// Compares the row counts, then the first row that differs, so a failure shows one row.
function expectSameRows<T>(actual: T[], expected: T[]) {
  expect(actual.length).toBe(expected.length);

  const index = actual.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(expected[i]));
  if (index !== -1) expect(actual[index], `row ${index}`).toEqual(expected[index]);
}

describe("demo data", () => {
  let result: SeedResult;

  beforeAll(async () => {
    await resetDatabase();
    result = await seedDemoData(testDb(), { anchor: ANCHOR });
  });

  it("creates one user per role", async () => {
    const users = await testDb().user.findMany({ orderBy: { email: "asc" } });

    expect(result.seeded).toBe(true);
    expect(users.map((user) => [user.email, user.role, user.name])).toEqual([
      ["admin@example.com", "ADMIN", "Anna Amministratrice"],
      ["manager@example.com", "MANAGER", "Marco Responsabile"],
      ["operatore@example.com", "OPERATOR", "Olga Operatrice"],
    ]);
  });

  it("demo passwords verify", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await testDb().user.findUniqueOrThrow({ where: { email: account.email } });

      expect(await verifyPassword(account.password, user.passwordHash)).toBe(true);
      expect(await verifyPassword(`${account.password}x`, user.passwordHash)).toBe(false);
    }
  });

  it("creates sixty customers, a fifth postpaid", async () => {
    const customers = await testDb().customer.findMany();

    expect(customers).toHaveLength(60);
    expect(customers.filter((customer) => customer.billingMode === "POSTPAID")).toHaveLength(12);
    expect(new Set(customers.map((customer) => customer.name)).size).toBe(60);
    for (const customer of customers) {
      expect(customer.code).toMatch(/^C\d{5}$/);
      expect(customer.province).toMatch(/^[A-Z]{2}$/);
      expect(customer.postalCode).toMatch(/^\d{5}$/);
      expect(customer.email).toMatch(/^[a-z]+@[a-z0-9-]+\.example$/);
    }
  });

  it("every VAT number has a valid check digit", async () => {
    const customers = await testDb().customer.findMany();

    for (const customer of customers) {
      expect(customer.vatNumber, customer.code).toMatch(/^\d{11}$/);
      expect(isValidVatNumber(customer.vatNumber ?? ""), customer.vatNumber ?? "").toBe(true);
    }
    expect(new Set(customers.map((customer) => customer.vatNumber)).size).toBe(60);
  });

  it("creates contracts and devices", async () => {
    const db = testDb();
    const customers = await db.customer.findMany({
      include: { contracts: true, devices: true },
    });

    for (const customer of customers) {
      expect(customer.contracts.length, customer.code).toBeGreaterThanOrEqual(1);
      expect(customer.contracts.length, customer.code).toBeLessThanOrEqual(2);
      expect(customer.devices.length, customer.code).toBeGreaterThanOrEqual(1);
    }
    for (const contract of customers.flatMap((customer) => customer.contracts)) {
      expect(contract.number).toMatch(/^\d{4}\/\d{3}$/);
    }
    for (const device of customers.flatMap((customer) => customer.devices)) {
      expect(device.remoteId).toMatch(device.kind === "TEAMVIEWER" ? /^\d{9,10}$/ : /^\d{9}$/);
    }
  });

  it("every ledger kind and reversal appear", async () => {
    const db = testDb();
    const total = await db.ledgerEntry.count();

    for (const kind of LEDGER_KINDS) {
      expect(await db.ledgerEntry.count({ where: { kind } }), kind).toBeGreaterThan(0);
    }
    expect(
      await db.ledgerEntry.count({ where: { kind: "ADJUSTMENT", minutes: { lt: 0 } } }),
    ).toBeGreaterThan(0);
    expect(total).toBeGreaterThanOrEqual(8_000);
    expect(total).toBeLessThanOrEqual(15_000);

    const reversals = await db.ledgerEntry.findMany({
      where: { reversesId: { not: null } },
      include: { reverses: true },
    });
    expect(reversals.map((entry) => entry.kind).sort()).toEqual(["SESSION", "TOP_UP"]);
    for (const reversal of reversals) {
      expect(reversal.kind).toBe(reversal.reverses?.kind);
      expect(reversal.minutes).toBe(-(reversal.reverses?.minutes ?? 0));
      expect(reversal.comment).toMatch(/^Storno: /);
    }
  });

  it("postpaid billings carry invoice references", async () => {
    const billings = await testDb().ledgerEntry.findMany({ where: { kind: "POSTPAID_BILLING" } });
    const references = billings.map((entry) => entry.invoiceReference);

    expect(billings.length).toBeGreaterThan(100);
    for (const reference of references) expect(reference).toMatch(/^FT \d{4}\/\d{4}$/);
    expect(new Set(references).size).toBe(references.length);
  });

  it("postpaid billings carry their month key", async () => {
    const billings = await testDb().ledgerEntry.findMany({
      where: { kind: "POSTPAID_BILLING", reversesId: null },
    });

    for (const billing of billings) {
      expect(billing.idempotencyKey).toMatch(
        new RegExp(`^postpaid:${billing.customerId}:\\d{4}-\\d{2}$`),
      );
    }
  });

  it("one customer shows an expired top-up", async () => {
    const expiries = await testDb().ledgerEntry.findMany({
      where: { idempotencyKey: { startsWith: "expiry:" } },
    });
    const [expiry] = expiries;
    const topUp = await testDb().ledgerEntry.findUniqueOrThrow({
      where: { id: expiry.idempotencyKey!.slice("expiry:".length) },
    });

    expect(expiries).toHaveLength(1);
    expect(expiry.kind).toBe("ADJUSTMENT");
    expect(expiry.minutes).toBeLessThanOrEqual(-30);
    expect(expiry.occurredAt).toEqual(topUp.expiresAt);
    expect(expiry.customerId).toBe(topUp.customerId);
    expect(expiry.authorId).toBeNull();
    expect(expiry.comment).toMatch(/^Credito scaduto: \d+ minuti non usati della ricarica del /);
    // The app finds nothing more to expire for it at the anchor.
    expect(
      await applyDueExpiries(testDb(), { customerId: topUp.customerId, now: topUp.expiresAt! }),
    ).toBe(0);
  });

  it("balances equal the ledger sums", async () => {
    const customers = await testDb().customer.findMany();
    const entries = await ledgerInSequence();

    for (const customer of customers) {
      const own = entries.filter((entry) => entry.customerId === customer.id);
      const sum = own.reduce((total, entry) => total + entry.minutes, 0);

      expect(customer.balanceMinutes, customer.code).toBe(sum);
      expect(own[own.length - 1].balanceAfter, customer.code).toBe(customer.balanceMinutes);
    }
  });

  it("running balances follow sequence and time", async () => {
    const entries = await ledgerInSequence();
    const running = new Map<string, { balance: number; at: Date }>();

    for (const entry of entries) {
      const previous = running.get(entry.customerId) ?? { balance: 0, at: new Date(0) };
      const balance = previous.balance + entry.minutes;

      expect(entry.balanceAfter, `entry ${entry.sequence}`).toBe(balance);
      expect(entry.occurredAt.getTime(), `entry ${entry.sequence}`).toBeGreaterThanOrEqual(
        previous.at.getTime(),
      );
      running.set(entry.customerId, { balance, at: entry.occurredAt });
    }
  });

  it("some prepaid customers end exhausted or low", async () => {
    const customers = await testDb().customer.findMany({
      where: { billingMode: "PREPAID" },
      include: {
        ledgerEntries: {
          where: { kind: "TOP_UP", minutes: { gt: 0 } },
          orderBy: { sequence: "desc" },
          take: 1,
        },
      },
    });
    const statuses = customers.map((customer) =>
      balanceStatus({ ...customer, lastTopUpMinutes: customer.ledgerEntries[0]?.minutes ?? null }),
    );
    const kinds = new Set(
      customers.map((customer) => customer.lowBalanceThreshold && customer.lowBalanceKind),
    );

    expect(statuses.filter((status) => status === "EXHAUSTED")).toHaveLength(4);
    expect(statuses.filter((status) => status === "LOW")).toHaveLength(4);
    expect(kinds).toContain("MINUTES");
    expect(kinds).toContain("PERCENT_OF_LAST_TOP_UP");
  });

  it("sessions lie in the twelve months before the anchor", async () => {
    const sessions = await testDb().session.findMany();

    for (const session of sessions) {
      expect(session.startedAt >= PERIOD_START, session.code).toBe(true);
      expect((session.endedAt ?? session.startedAt) < PERIOD_END, session.code).toBe(true);
    }
    expect(sessions.filter((session) => session.status === "RUNNING")).toHaveLength(2);
    expect(sessions.filter((session) => session.customerId === null)).toHaveLength(5);
    expect(new Set(sessions.map((session) => session.source))).toEqual(
      new Set(["API", "MANUAL", "IMPORT"]),
    );
  });

  it("closed sessions bill one ledger entry each", async () => {
    const sessions = await testDb().session.findMany({ include: { ledgerEntries: true } });

    for (const session of sessions) {
      if (session.status === "RUNNING" || session.customerId === null) {
        expect(session.ledgerEntries, session.code).toHaveLength(0);
        continue;
      }

      const [entry, ...reversals] = session.ledgerEntries.sort((a, b) => a.sequence - b.sequence);
      expect(session.seconds, session.code).toBeGreaterThan(0);
      expect(session.billedMinutes).toBe(Math.max(1, Math.ceil((session.seconds ?? 0) / 60)));
      expect(entry.kind).toBe("SESSION");
      expect(entry.minutes).toBe(-(session.billedMinutes ?? 0));
      expect(entry.occurredAt).toEqual(session.endedAt);
      expect(reversals.every((reversal) => reversal.reversesId === entry.id)).toBe(true);
    }
  });

  it("sessions of the demo operator link the user", async () => {
    const operator = await testDb().user.findUniqueOrThrow({
      where: { email: "operatore@example.com" },
    });
    const sessions = await testDb().session.findMany({ where: { operatorName: operator.name } });

    expect(sessions.length).toBeGreaterThan(1_000);
    expect(sessions.every((session) => session.operatorId === operator.id)).toBe(true);
  });

  it("daily totals match the demo ledger", async () => {
    expect(await testDb().dailyTotal.count()).toBeGreaterThan(0);
    expect(await findDailyTotalDifferences(testDb())).toEqual([]);
  });

  it("second call on a seeded database adds nothing", async () => {
    const before = await testDb().ledgerEntry.count();

    const again = await seedDemoData(testDb(), { anchor: ANCHOR });

    expect(again.seeded).toBe(false);
    expect(await testDb().ledgerEntry.count()).toBe(before);
    expect(await testDb().customer.count()).toBe(60);
    expect(await testDb().user.count()).toBe(3);
  });

  it("same anchor gives identical data", async () => {
    const first = await snapshot();

    await resetDatabase();
    await seedDemoData(testDb(), { anchor: ANCHOR });
    const second = await snapshot();

    expectSameRows(second.customers, first.customers);
    expectSameRows(second.contracts, first.contracts);
    expectSameRows(second.devices, first.devices);
    expectSameRows(second.sessions, first.sessions);
    expectSameRows(second.entries, first.entries);
    // Seeds the whole demo data again: about 10 s on an idle machine, more when the cores are busy.
  }, 180_000);
});
