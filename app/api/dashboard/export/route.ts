// GET /api/dashboard/export – downloads the data of one dashboard chart as CSV or Excel
import { getTranslations } from "next-intl/server";

import { requirePermission } from "@/lib/auth/guards";
import { chartTable, renderChartCsv, renderChartXlsx } from "@/lib/dashboard/export";
import { seriesLabel } from "@/lib/dashboard/series";
import { getDb } from "@/lib/db/client";
import { CHART_LOADERS } from "@/lib/db/dashboard";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { parseDashboardExportParams } from "@/lib/validations/dashboard";

// exceljs needs Node APIs.
export const runtime = "nodejs";

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export const GET = handleRoute("dashboard.export", async (request: Request) => {
  const user = await requirePermission("viewDashboard");
  const { query, chart, format } = parseDashboardExportParams(
    new URL(request.url).searchParams,
    new Date(),
  );

  const { period, granularity } = query;
  const data = await CHART_LOADERS[chart](getDb(), {
    from: period.from,
    to: period.to,
    granularity,
  });
  const t = await getTranslations("dashboard");
  const table = chartTable(data, {
    period,
    dateHeaders: [t("export.bucketStart"), t("export.bucketEnd")],
    seriesLabels: data.series.map((series) => seriesLabel(series, (key) => t(key as never), true)),
  });
  const bytes =
    format === "csv" ? renderChartCsv(table) : await renderChartXlsx(table, t(`charts.${chart}`));
  const fileName = `cruscotto-${chart}_${period.from}_${period.to}_${granularity}.${format}`;
  logger.info(
    { userId: user.id, chart, format, from: period.from, to: period.to, bytes: bytes.length },
    "dashboard chart exported",
  );

  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});
