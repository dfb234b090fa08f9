// Chart buckets of a section: every bucket of the period appears, also when it is empty, so bars
// line up across customers and formats.
import { type Bucket, bucketKeyOf, bucketsOf, type Granularity } from "@/lib/domain/periods";

import type { Chart } from "./types";

const MONTHS = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"];

/** Returns the axis label of a bucket key: 30/11 for a day, S49 for a week, nov 2026 for a month. */
export function bucketLabel(key: string, granularity: Granularity): string {
  if (granularity === "day") return `${key.slice(8, 10)}/${key.slice(5, 7)}`;
  if (granularity === "week") return `S${key.slice(6)}`;

  return `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
}

export interface ChartPoint {
  at: Date;
  series: string;
  value: number;
}

/** Adds up `points` into the period's buckets, one value per series. */
export function buildChart(options: {
  period: { from: string; to: string };
  granularity: Granularity;
  series: Chart["series"];
  points: Iterable<ChartPoint>;
}): Chart {
  const { granularity, series } = options;
  const buckets = bucketsOf(options.period, granularity).map((bucket: Bucket) => ({
    key: bucket.key,
    label: bucketLabel(bucket.key, granularity),
    values: Object.fromEntries(series.map((item) => [item.key, 0])),
  }));
  const byKey = new Map(buckets.map((bucket) => [bucket.key, bucket]));

  for (const point of options.points) {
    const bucket = byKey.get(bucketKeyOf(point.at, granularity));
    if (bucket) bucket.values[point.series] += point.value;
  }

  return { granularity, series, buckets };
}
