"use client";

import { useRouter } from "next/navigation";
import { BarChart } from "@tremor/react";

import { type DrillTarget, drillHref } from "@/lib/dashboard/series";
import { bucketDates } from "@/lib/domain/dashboard-period";
import type { Granularity } from "@/lib/domain/periods";

// Tremor colour names, one per series: ten customers or operators and "others" at most. The
// safelist in tailwind.config.ts contains their classes.
const COLORS = [
  "blue",
  "emerald",
  "amber",
  "rose",
  "violet",
  "cyan",
  "lime",
  "fuchsia",
  "orange",
  "teal",
  "gray",
];

export interface BarChartSeries {
  label: string;
  target: DrillTarget;
}

export interface BarChartRow {
  start: string;
  label: string;
  values: number[];
}

interface Props {
  series: BarChartSeries[];
  rows: BarChartRow[];
  period: { from: string; to: string };
  granularity: Granularity;
  stacked: boolean;
}

/** Draws one dashboard chart. A click on a bar opens the sessions (or top-ups) of its bucket. */
export function DashboardBarChart({ series, rows, period, granularity, stacked }: Props) {
  const router = useRouter();
  const data = rows.map((row) => ({
    bucket: row.label,
    start: row.start,
    ...Object.fromEntries(series.map((item, index) => [item.label, row.values[index]])),
  }));

  function openBucket(value: { eventType?: string; categoryClicked?: string; start?: unknown }) {
    const clicked = series.find((item) => item.label === value.categoryClicked);
    if (value.eventType !== "bar" || !clicked || typeof value.start !== "string") return;

    router.push(drillHref(clicked.target, bucketDates(value.start, granularity, period)));
  }

  return (
    <BarChart
      // Stacked charts have up to eleven legend entries above the bars.
      className={stacked ? "h-96" : "h-72"}
      data={data}
      index="bucket"
      categories={series.map((item) => item.label)}
      colors={COLORS.slice(0, series.length)}
      stack={stacked}
      valueFormatter={(value) => new Intl.NumberFormat("it-IT").format(value)}
      yAxisWidth={56}
      onValueChange={(value) => value && openBucket(value)}
    />
  );
}
