// Labels and drill-down targets of the chart series, shared by the page and the exports.
import { bucketLabel } from "@/lib/reports/chart-data";
import { bucketKey, type Granularity } from "@/lib/domain/periods";

import { type ChartSeries, type DashboardChartId, NO_OPERATOR_KEY, OTHERS_KEY } from "./types";

// Translator of the `dashboard` messages.
type Translate = (key: string) => string;

// Target of a click on a bar of the series. Sold minutes open the top-ups report of the bucket.
// Everything else opens the sessions list of the bucket, filtered to the series' customer or
// operator when it has one.
export type DrillTarget =
  { kind: "sessions"; customer?: string; operator?: string } | { kind: "topUps" };

const FIXED_SERIES: Record<string, string> = {
  consumed: "series.consumed",
  sold: "series.sold",
  sessions: "series.sessions",
  [OTHERS_KEY]: "series.others",
  [NO_OPERATOR_KEY]: "series.noOperator",
};

// Maximum length of a customer name in a legend label. Eleven full names left no room for bars.
const LEGEND_NAME_LENGTH = 22;

/**
 * Returns the legend label of a series. A customer's starts with its code, which keeps labels
 * unique when names repeat. On screen the name is shortened to LEGEND_NAME_LENGTH characters;
 * exports (`full`) keep it whole.
 */
export function seriesLabel(series: ChartSeries, t: Translate, full = false): string {
  const fixed = FIXED_SERIES[series.key];
  if (fixed) return t(fixed);
  if (!series.code) return series.name;
  if (full) return `${series.code} ${series.name}`;

  const name =
    series.name.length > LEGEND_NAME_LENGTH
      ? `${series.name.slice(0, LEGEND_NAME_LENGTH - 1).trimEnd()}…`
      : series.name;

  return `${series.code} ${name}`;
}

export function drillTarget(chart: DashboardChartId, series: ChartSeries): DrillTarget {
  if (series.key === "sold") return { kind: "topUps" };
  if (series.key === OTHERS_KEY || series.key === NO_OPERATOR_KEY) return { kind: "sessions" };
  if (chart === "customers") return { kind: "sessions", customer: series.code };
  if (chart === "operators") return { kind: "sessions", operator: series.name };

  return { kind: "sessions" };
}

/** Returns the URL of the sessions list or top-ups report for the dates of one bucket. */
export function drillHref(target: DrillTarget, dates: { from: string; to: string }): string {
  if (target.kind === "topUps") {
    const query = new URLSearchParams({ report: "top-ups", from: dates.from, to: dates.to });

    return `/reports?${query}`;
  }

  const query = new URLSearchParams({ from: dates.from, to: dates.to, status: "CLOSED" });
  if (target.customer) query.set("customer", target.customer);
  if (target.operator) query.set("operator", target.operator);

  return `/sessions?${query}`;
}

/** Returns the axis label of a bucket: 30/11 for a day, S49 for an ISO week, nov 2026 for a month. */
export function bucketAxisLabel(start: string, granularity: Granularity): string {
  return bucketLabel(bucketKey(start, granularity), granularity);
}
