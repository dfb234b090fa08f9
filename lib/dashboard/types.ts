// Data of the dashboard, shared by the page, the chart components and the exports.
import type { Granularity } from "@/lib/domain/periods";

export const DASHBOARD_CHARTS = ["usage", "sessions", "customers", "operators"] as const;
export type DashboardChartId = (typeof DASHBOARD_CHARTS)[number];

// Series key of the sum of the customers or operators outside the top ten.
export const OTHERS_KEY = "__others";
// Series key of the entries without an operator (top-ups, adjustments, sessions with no name).
export const NO_OPERATOR_KEY = "__none";
export const TOP_SERIES = 10;

export interface ChartSeries {
  key: string;
  // Customer or operator name; empty for the fixed series, which the UI labels by key.
  name: string;
  // Customer code, for the drill-down into the sessions list.
  code?: string;
}

export interface ChartBucket {
  // First date of the bucket (yyyy-mm-dd): a day, a Monday or the first of a month.
  start: string;
  values: Record<string, number>;
}

export interface DashboardChart {
  id: DashboardChartId;
  granularity: Granularity;
  series: ChartSeries[];
  buckets: ChartBucket[];
}
