import { beforeEach, describe, expect, it } from "vitest";

import { loadCustomersChart, loadOperatorsChart, loadSessionsChart } from "@/lib/db/dashboard";
import { loadDashboardNumbers, loadUsageChart } from "@/lib/db/dashboard";
import { findDailyTotalDifferences, rebuildDailyTotals } from "@/lib/db/daily-totals";
import { recordLedgerEntry, reverseLedgerEntry } from "@/lib/db/ledger";
import { recordSession, updateSession } from "@/lib/db/sessions";
import { OTHERS_KEY } from "@/lib/dashboard/types";
import { GRANULARITIES } from "@/lib/domain/periods";

import { createCustomer, resetDatabase, testDb } from "./helpers";

const NOW = new Date("2026-12-01T12:00:00Z");
const base = { source: "API" as const, actorId: null, now: NOW };
let sequence = 0;

async function session(options: {
  customerCode: string;
  startedAt: string;
  minutes: number;
  operatorName?: string;
}) {
  sequence += 1;
  const startedAt = new Date(options.startedAt);

  return recordSession(testDb(), {
    ...base,
    code: `DASH-${sequence}`,
    customerCode: options.customerCode,
    operatorName: options.operatorName ?? "Anna Rossi",
    startedAt,
    endedAt: new Date(startedAt.getTime() + options.minutes * 60_000),
  });
}

async function topUp(customerId: string, minutes: number, occurredAt: string) {
  return recordLedgerEntry(testDb(), {
    customerId,
    authorId: null,
    entry: { kind: "TOP_UP", minutes, occurredAt: new Date(occurredAt) },
  });
}

async function totalsOfDay(day: string) {
  return testDb().dailyTotal.findMany({
    where: { day: new Date(`${day}T00:00:00Z`) },
    orderBy: [{ customerId: "asc" }, { operator: "asc" }],
  });
}

// Ledger sums of a period of local days, computed without the totals table: SESSION entries by
// the local start day of their session, other entries by their own local day.
async function ledgerTotals(from: string, to: string) {
  const rows = await testDb().$queryRaw<{ consumed: number; sold: number; sessions: number }[]>`
    WITH keyed AS (
      SELECT e.*, (COALESCE(s."startedAt", e."occurredAt") AT TIME ZONE 'UTC'
        AT TIME ZONE 'Europe/Rome')::date AS "day"
      FROM "LedgerEntry" e LEFT JOIN "Session" s ON s."id" = e."sessionId"
    )
    SELECT
      COALESCE(-SUM("minutes") FILTER (WHERE "kind" = 'SESSION'), 0)::int AS "consumed",
      COALESCE(SUM("minutes") FILTER (WHERE "kind" IN ('TOP_UP', 'POSTPAID_BILLING')), 0)::int
        AS "sold",
      (SELECT COUNT(*) FROM (
        SELECT 1 FROM keyed WHERE "kind" = 'SESSION' AND "day" BETWEEN ${from}::date AND ${to}::date
        GROUP BY "sessionId", "customerId" HAVING SUM("minutes") <> 0) charged)::int AS "sessions"
    FROM keyed WHERE "day" BETWEEN ${from}::date AND ${to}::date`;

  return rows[0];
}

function sumOf(chart: { buckets: { values: Record<string, number> }[] }, key?: string) {
  return chart.buckets.reduce(
    (sum, bucket) =>
      sum +
      Object.entries(bucket.values)
        .filter(([series]) => key === undefined || series === key)
        .reduce((total, [, value]) => total + value, 0),
    0,
  );
}

beforeEach(resetDatabase);

describe("daily totals", () => {
  it("stay exact after top-ups, sessions and reversals", async () => {
    const customer = await createCustomer();
    const credit = await topUp(customer.id, 600, "2026-11-02T09:00:00Z");
    const first = await session({
      customerCode: customer.code,
      startedAt: "2026-11-03T09:00:00Z",
      minutes: 20,
    });
    await session({ customerCode: customer.code, startedAt: "2026-11-04T09:00:00Z", minutes: 30 });
    await reverseLedgerEntry(testDb(), {
      entryId: credit.id,
      authorId: null,
      reason: "wrong customer",
    });
    await updateSession(testDb(), { id: first.session.id, billable: false, actorId: null });

    expect(await findDailyTotalDifferences(testDb())).toEqual([]);
    const [dayOfFirst] = await totalsOfDay("2026-11-03");
    expect(dayOfFirst.consumedMinutes).toBe(0);
    expect(dayOfFirst.sessions).toBe(0);
    const [dayOfSecond] = await totalsOfDay("2026-11-04");
    expect(dayOfSecond.sessions).toBe(1);
    expect(dayOfSecond.consumedMinutes).toBeGreaterThan(0);
    expect(dayOfSecond.operator).toBe("Anna Rossi");
  });

  it("count a session again when it is charged again", async () => {
    const customer = await createCustomer();
    await topUp(customer.id, 600, "2026-11-02T09:00:00Z");
    const charged = await session({
      customerCode: customer.code,
      startedAt: "2026-11-03T09:00:00Z",
      minutes: 20,
    });
    await updateSession(testDb(), { id: charged.session.id, billable: false, actorId: null });
    await updateSession(testDb(), { id: charged.session.id, billable: true, actorId: null });

    const [day] = await totalsOfDay("2026-11-03");
    expect(day.sessions).toBe(1);
    expect(day.consumedMinutes).toBe(charged.session.billedMinutes);
    expect(await findDailyTotalDifferences(testDb())).toEqual([]);
  });

  it("follow a session moved to another customer", async () => {
    const from = await createCustomer();
    const to = await createCustomer();
    const moved = await session({
      customerCode: from.code,
      startedAt: "2026-11-05T09:00:00Z",
      minutes: 15,
    });
    await updateSession(testDb(), { id: moved.session.id, customerId: to.id, actorId: null });

    const rows = await totalsOfDay("2026-11-05");
    const byCustomer = new Map(rows.map((row) => [row.customerId, row]));
    expect(byCustomer.get(from.id)?.sessions).toBe(0);
    expect(byCustomer.get(from.id)?.consumedMinutes).toBe(0);
    expect(byCustomer.get(to.id)?.sessions).toBe(1);
    expect(await findDailyTotalDifferences(testDb())).toEqual([]);
  });

  it("are reported when they drift and fixed by a rebuild", async () => {
    const customer = await createCustomer();
    await topUp(customer.id, 100, "2026-11-02T09:00:00Z");
    await testDb().$executeRaw`UPDATE "DailyTotal" SET "soldMinutes" = 99`;

    const differences = await findDailyTotalDifferences(testDb());
    expect(differences).toHaveLength(1);
    expect(differences[0].stored?.soldMinutes).toBe(99);
    expect(differences[0].expected?.soldMinutes).toBe(100);

    await rebuildDailyTotals(testDb());
    expect(await findDailyTotalDifferences(testDb())).toEqual([]);
  });

  it("put sessions of DST and month-boundary days on their local day", async () => {
    const customer = await createCustomer();
    // 00:30 on the spring DST day, the second 02:30 of the autumn DST day, 23:30 of the autumn
    // DST day, and 00:30 on 1 November, which is still 31 October in UTC.
    const starts = [
      ["2026-03-28T23:30:00Z", "2026-03-29"],
      ["2026-10-25T01:30:00Z", "2026-10-25"],
      ["2026-10-25T22:30:00Z", "2026-10-25"],
      ["2026-10-31T23:30:00Z", "2026-11-01"],
    ];
    for (const [startedAt] of starts) {
      await session({ customerCode: customer.code, startedAt, minutes: 10 });
    }

    const rows = await testDb().dailyTotal.findMany({ where: { sessions: { gt: 0 } } });
    const days = rows.map((row) => row.day.toISOString().slice(0, 10)).sort();
    expect(days).toEqual(["2026-03-29", "2026-10-25", "2026-11-01"]);
    expect(rows.find((row) => row.day.toISOString().startsWith("2026-10-25"))?.sessions).toBe(2);

    const months = await loadSessionsChart(testDb(), {
      from: "2026-10-01",
      to: "2026-11-30",
      granularity: "month",
    });
    expect(months.buckets.map((bucket) => bucket.values.sessions)).toEqual([2, 1]);
  });
});

describe("dashboard charts", () => {
  async function seedPeriod() {
    const customers = [];
    for (let index = 0; index < 12; index += 1) {
      const customer = await createCustomer({ code: `K${String(index).padStart(3, "0")}` });
      customers.push(customer);
      await topUp(customer.id, 500 + index, "2026-10-30T10:00:00Z");
      for (let day = 0; day <= index % 4; day += 1) {
        await session({
          customerCode: customer.code,
          startedAt: new Date(Date.UTC(2026, 10, 2 + day * 9, 8 + index)).toISOString(),
          minutes: 10 + index * 5,
          operatorName: ["Anna Rossi", "Marco Neri", "Luca Bianchi"][index % 3],
        });
      }
    }

    return customers;
  }

  it("match the ledger totals for every granularity", async () => {
    await seedPeriod();
    const expected = await ledgerTotals("2026-10-26", "2026-11-30");

    for (const granularity of GRANULARITIES) {
      const range = { from: "2026-10-26", to: "2026-11-30", granularity };
      const usage = await loadUsageChart(testDb(), range);
      const sessions = await loadSessionsChart(testDb(), range);
      const customers = await loadCustomersChart(testDb(), range);
      const operators = await loadOperatorsChart(testDb(), range);

      expect(sumOf(usage, "consumed"), granularity).toBe(expected.consumed);
      expect(sumOf(usage, "sold"), granularity).toBe(expected.sold);
      expect(sumOf(sessions), granularity).toBe(expected.sessions);
      expect(sumOf(customers), granularity).toBe(expected.consumed);
      expect(sumOf(operators), granularity).toBe(expected.consumed);
    }
    expect(expected.sessions).toBe(30);
  });

  it("lists every bucket of the period, weeks from Monday", async () => {
    await seedPeriod();
    const weeks = await loadUsageChart(testDb(), {
      from: "2026-10-28",
      to: "2026-11-30",
      granularity: "week",
    });

    expect(weeks.buckets.map((bucket) => bucket.start)).toEqual([
      "2026-10-26",
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
      "2026-11-30",
    ]);
    expect(weeks.buckets[5].values.consumed).toBe(0);
  });

  it("shows the top ten customers and sums the rest as others", async () => {
    const customers = await seedPeriod();
    const chart = await loadCustomersChart(testDb(), {
      from: "2026-11-01",
      to: "2026-11-30",
      granularity: "month",
    });
    const consumed = await testDb().$queryRaw<{ code: string; minutes: number }[]>`
      SELECT c."code", -SUM(e."minutes")::int AS "minutes"
      FROM "LedgerEntry" e JOIN "Customer" c ON c."id" = e."customerId"
      WHERE e."kind" = 'SESSION' GROUP BY c."code" ORDER BY 2 DESC, 1`;

    expect(chart.series).toHaveLength(11);
    expect(chart.series.slice(0, 10).map((series) => series.code)).toEqual(
      consumed.slice(0, 10).map((row) => row.code),
    );
    expect(chart.series[10].key).toBe(OTHERS_KEY);
    const others = consumed.slice(10).reduce((sum, row) => sum + row.minutes, 0);
    expect(chart.buckets[0].values[OTHERS_KEY]).toBe(others);
    expect(customers).toHaveLength(12);
  });

  it("compares the period with the previous one", async () => {
    await seedPeriod();
    const numbers = await loadDashboardNumbers(testDb(), {
      current: { from: "2026-11-01", to: "2026-11-30" },
      previous: { from: "2026-10-02", to: "2026-10-31" },
    });
    const november = await ledgerTotals("2026-11-01", "2026-11-30");
    const october = await ledgerTotals("2026-10-02", "2026-10-31");

    expect(numbers.current.consumedMinutes).toBe(november.consumed);
    expect(numbers.previous.soldMinutes).toBe(october.sold);
    expect(numbers.previous.soldMinutes).toBeGreaterThan(0);
    expect(numbers.current.soldMinutes).toBe(0);
  });
});
