import { beforeEach, describe, expect, it } from "vitest";

import { findDailyTotalDifferences, rebuildDailyTotals } from "@/lib/db/daily-totals";
import { loadCustomersChart } from "@/lib/db/dashboard";
import { reverseLedgerEntry } from "@/lib/db/ledger";
import { recordSession } from "@/lib/db/sessions";

import { createCustomer, resetDatabase, testDb } from "./helpers";

const NOW = new Date("2026-12-20T12:00:00Z");
let sequence = 0;

async function charge(customerCode: string, startedAt: string, minutes: number) {
  sequence += 1;
  const start = new Date(startedAt);

  return recordSession(testDb(), {
    source: "API",
    actorId: null,
    now: NOW,
    code: `ROLL-${sequence}`,
    customerCode,
    operatorName: "Anna Rossi",
    startedAt: start,
    endedAt: new Date(start.getTime() + minutes * 60_000),
  });
}

// Minutes each customer consumed in the local days from..to, straight from the ledger.
async function ledgerByCustomer(from: string, to: string): Promise<Map<string, number>> {
  const rows = await testDb().$queryRaw<{ code: string; minutes: number }[]>`
    SELECT c."code", -SUM(e."minutes")::int AS "minutes"
    FROM "LedgerEntry" e
    JOIN "Session" s ON s."id" = e."sessionId"
    JOIN "Customer" c ON c."id" = e."customerId"
    WHERE e."kind" = 'SESSION'
      AND (s."startedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Rome')::date
        BETWEEN ${from}::date AND ${to}::date
    GROUP BY c."code" HAVING SUM(e."minutes") <> 0`;

  return new Map(rows.map((row) => [row.code, row.minutes]));
}

async function chartByCustomer(from: string, to: string): Promise<Map<string, number>> {
  const chart = await loadCustomersChart(testDb(), { from, to, granularity: "day" });
  const totals = new Map<string, number>();
  for (const series of chart.series) {
    const sum = chart.buckets.reduce((total, bucket) => total + bucket.values[series.key], 0);
    totals.set(series.code ?? series.key, sum);
  }

  return totals;
}

beforeEach(resetDatabase);

describe("customer rollups", () => {
  it("sum whole and partial months", async () => {
    const early = await createCustomer({ code: "R-EARLY" });
    const late = await createCustomer({ code: "R-LATE" });
    const steady = await createCustomer({ code: "R-STEADY" });
    await charge(early.code, "2026-07-03T08:00:00Z", 15);
    await charge(early.code, "2026-08-31T21:30:00Z", 20); // 1 September in Rome
    await charge(late.code, "2026-11-30T09:00:00Z", 25);
    await charge(late.code, "2026-12-02T09:00:00Z", 5);
    for (const month of ["07", "08", "09", "10", "11", "12"]) {
      await charge(steady.code, `2026-${month}-01T07:00:00Z`, 7);
      await charge(steady.code, `2026-${month}-15T07:00:00Z`, 11);
    }

    const periods = [
      ["2026-07-01", "2026-12-31"], // whole months only
      ["2026-09-01", "2026-10-31"], // after one customer's last month, before another's first
      ["2026-07-02", "2026-07-20"], // part of one month
      ["2026-08-20", "2026-09-10"], // parts of two months
      ["2026-08-15", "2026-12-01"], // parts at both ends around whole months
      ["2026-06-01", "2026-06-30"], // before everything
    ];
    for (const [from, to] of periods) {
      expect(await chartByCustomer(from, to), `${from}..${to}`).toEqual(
        await ledgerByCustomer(from, to),
      );
    }
  });

  it("follow reversals and back-dated charges", async () => {
    const customer = await createCustomer({ code: "R-BACK" });
    const november = await charge(customer.code, "2026-11-10T09:00:00Z", 30);
    await charge(customer.code, "2026-05-05T09:00:00Z", 12);
    const entry = await testDb().ledgerEntry.findFirstOrThrow({
      where: { sessionId: november.session.id },
    });
    await reverseLedgerEntry(testDb(), { entryId: entry.id, authorId: null, reason: "Errore" });

    const running = await testDb().customerRunningTotal.findUniqueOrThrow({
      where: { customerId: customer.id },
    });
    expect(running.firstMonth.toISOString().slice(0, 10)).toBe("2026-05-01");
    expect(running.consumedThroughMonth).toEqual([12, 12, 12, 12, 12, 12, 12]);
    expect(await chartByCustomer("2026-05-01", "2026-11-30")).toEqual(new Map([["R-BACK", 12]]));
    expect(await findDailyTotalDifferences(testDb())).toEqual([]);
  });

  it("report drift and rebuild", async () => {
    const customer = await createCustomer();
    await charge(customer.code, "2026-11-10T09:00:00Z", 30);
    await testDb().$executeRaw`
      UPDATE "MonthlyCustomerTotal" SET "consumedThroughDay"[12] = 31`;
    await testDb().$executeRaw`
      UPDATE "CustomerRunningTotal" SET "consumedThroughMonth" = ARRAY[29]`;

    const differences = await findDailyTotalDifferences(testDb());
    expect(differences.map((row) => [row.table, row.day, row.stored?.consumedMinutes])).toEqual([
      ["CustomerRunningTotal", "2026-11-01", 29],
      ["MonthlyCustomerTotal.consumedThroughDay", "2026-11-12", 1],
      ["MonthlyCustomerTotal.consumedThroughDay", "2026-11-13", -1],
    ]);

    await rebuildDailyTotals(testDb());
    expect(await findDailyTotalDifferences(testDb())).toEqual([]);
  });
});
