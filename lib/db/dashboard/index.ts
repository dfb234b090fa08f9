// Everything the dashboard page shows for one period and granularity.
import type { DashboardChart } from "@/lib/dashboard/types";
import type { DashboardQuery } from "@/lib/domain/dashboard-period";

import type { Db } from "../client";
import { type ChartRange, loadOperatorsChart, loadSessionsChart, loadUsageChart } from "./charts";
import { loadCustomersChart } from "./customers-chart";
import { type CustomersToActOn, loadCustomersToActOn } from "./customers-to-act-on";
import { type DashboardNumbers, loadDashboardNumbers } from "./numbers";

export * from "./charts";
export * from "./customers-chart";
export * from "./customers-to-act-on";
export * from "./numbers";

export interface DashboardData {
  charts: DashboardChart[];
  numbers: DashboardNumbers;
  actions: CustomersToActOn;
}

export const CHART_LOADERS = {
  usage: loadUsageChart,
  sessions: loadSessionsChart,
  customers: loadCustomersChart,
  operators: loadOperatorsChart,
} as const;

/** Loads the charts, numbers and lists of the dashboard; the queries run concurrently. */
export async function loadDashboard(
  db: Db,
  options: { query: DashboardQuery; now: Date },
): Promise<DashboardData> {
  const { period, previous, granularity } = options.query;
  const range: ChartRange = { from: period.from, to: period.to, granularity };

  const [usage, sessions, customers, operators, numbers, actions] = await Promise.all([
    loadUsageChart(db, range),
    loadSessionsChart(db, range),
    loadCustomersChart(db, range),
    loadOperatorsChart(db, range),
    loadDashboardNumbers(db, { current: period, previous }),
    loadCustomersToActOn(db, options.now),
  ]);

  return { charts: [usage, sessions, customers, operators], numbers, actions };
}
