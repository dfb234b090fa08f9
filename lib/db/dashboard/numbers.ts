// Headline numbers of the dashboard: balances, the inbox, and the period against the previous one.
import type { Db } from "../client";

export interface PeriodTotals {
  consumedMinutes: number;
  soldMinutes: number;
}

export interface DashboardNumbers {
  // Sum of the positive balances of prepaid customers: minutes they can still use.
  prepaidResidualMinutes: number;
  prepaidNegativeCustomers: number;
  sessionsToAssign: number;
  current: PeriodTotals;
  previous: PeriodTotals;
}

/** Loads the headline numbers; `current` and `previous` are inclusive date ranges. */
export async function loadDashboardNumbers(
  db: Db,
  periods: { current: { from: string; to: string }; previous: { from: string; to: string } },
): Promise<DashboardNumbers> {
  const { current, previous } = periods;
  const [balances, totals, inbox] = await Promise.all([
    db.$queryRaw<{ residual: number; negative: number }[]>`
      SELECT COALESCE(SUM(GREATEST("balanceMinutes", 0)), 0)::int AS "residual",
        COUNT(*) FILTER (WHERE "balanceMinutes" < 0)::int AS "negative"
      FROM "Customer" WHERE "billingMode" = 'PREPAID'`,
    db.$queryRaw<Record<string, number>[]>`
      SELECT
        COALESCE(SUM("consumedMinutes") FILTER (WHERE "day" >= ${current.from}::date), 0)::int
          AS "currentConsumed",
        COALESCE(SUM("soldMinutes") FILTER (WHERE "day" >= ${current.from}::date), 0)::int
          AS "currentSold",
        COALESCE(SUM("consumedMinutes") FILTER (WHERE "day" <= ${previous.to}::date), 0)::int
          AS "previousConsumed",
        COALESCE(SUM("soldMinutes") FILTER (WHERE "day" <= ${previous.to}::date), 0)::int
          AS "previousSold"
      FROM "DailyOperatorTotal"
      WHERE "day" BETWEEN ${previous.from}::date AND ${current.to}::date`,
    db.session.count({ where: { customerId: null } }),
  ]);
  const sums = totals[0];

  return {
    prepaidResidualMinutes: balances[0].residual,
    prepaidNegativeCustomers: balances[0].negative,
    sessionsToAssign: inbox,
    current: { consumedMinutes: sums.currentConsumed, soldMinutes: sums.currentSold },
    previous: { consumedMinutes: sums.previousConsumed, soldMinutes: sums.previousSold },
  };
}
