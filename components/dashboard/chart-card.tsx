import { getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";

import { bucketAxisLabel, drillTarget, seriesLabel } from "@/lib/dashboard/series";
import type { DashboardChart } from "@/lib/dashboard/types";
import { DASHBOARD_EXPORT_FORMATS } from "@/lib/validations/dashboard";

import { DashboardBarChart } from "./dashboard-bar-chart";

interface Props {
  chart: DashboardChart;
  period: { from: string; to: string };
}

/** Renders a dashboard chart with its title and the CSV and Excel downloads of its data. */
export async function ChartCard({ chart, period }: Props) {
  const t = await getTranslations("dashboard");
  const translate = (key: string) => t(key as never);
  const query = new URLSearchParams({
    chart: chart.id,
    from: period.from,
    to: period.to,
    granularity: chart.granularity,
  });
  const empty = chart.series.length === 0;

  return (
    <Card data-testid={`chart-${chart.id}`}>
      <div className="mb-2 flex flex-wrap items-baseline gap-2">
        <h2 className="font-medium text-tremor-content-strong">{t(`charts.${chart.id}`)}</h2>
        <div className="ml-auto flex gap-2">
          {DASHBOARD_EXPORT_FORMATS.map((format) => (
            <a
              key={format}
              href={`/api/dashboard/export?${query}&format=${format}`}
              className="rounded-tremor-small border border-tremor-border px-2 py-0.5 text-tremor-label hover:bg-tremor-background-muted"
              download
            >
              {t("download", { format: format === "csv" ? "CSV" : "Excel" })}
            </a>
          ))}
        </div>
      </div>
      {empty ? (
        <p className="py-8 text-center text-tremor-default text-tremor-content">{t("noData")}</p>
      ) : (
        <DashboardBarChart
          series={chart.series.map((series) => ({
            label: seriesLabel(series, translate),
            target: drillTarget(chart.id, series),
          }))}
          rows={chart.buckets.map((bucket) => ({
            start: bucket.start,
            label: bucketAxisLabel(bucket.start, chart.granularity),
            values: chart.series.map((series) => bucket.values[series.key] ?? 0),
          }))}
          period={period}
          granularity={chart.granularity}
          stacked={chart.id === "customers" || chart.id === "operators"}
        />
      )}
    </Card>
  );
}
