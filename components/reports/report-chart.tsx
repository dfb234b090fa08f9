"use client";

import { BarChart } from "@tremor/react";

import type { Chart } from "@/lib/reports/types";

// Tremor colour names for the report's series, in order; the safelist in tailwind.config.ts
// contains the classes of blue and red.
const SERIES_COLORS = ["blue", "red"];

/** The on-screen chart of a report section, drawn from the same buckets as the exports. */
export function ReportChart({ chart }: { chart: Chart }) {
  const rows = chart.buckets.map((bucket) => ({
    bucket: bucket.label,
    ...Object.fromEntries(chart.series.map((series) => [series.label, bucket.values[series.key]])),
  }));

  return (
    <BarChart
      className="h-56"
      data={rows}
      index="bucket"
      categories={chart.series.map((series) => series.label)}
      colors={SERIES_COLORS.slice(0, chart.series.length)}
      valueFormatter={(value) => new Intl.NumberFormat("it-IT").format(value)}
      yAxisWidth={56}
    />
  );
}
