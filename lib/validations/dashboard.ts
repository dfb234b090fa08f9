// Input of the dashboard page and of its export route, read from URL search parameters.
import { DASHBOARD_CHARTS, type DashboardChartId } from "@/lib/dashboard/types";
import {
  type DashboardQuery,
  defaultDashboardInput,
  parseDashboardQuery,
} from "@/lib/domain/dashboard-period";
import { localDateOf } from "@/lib/domain/periods";
import { AppError } from "@/lib/errors";

export const DASHBOARD_EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type DashboardExportFormat = (typeof DASHBOARD_EXPORT_FORMATS)[number];

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: SearchParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];

  return Array.isArray(value) ? value[0] : value;
}

/**
 * Reads the period and granularity. Without any of the three parameters the dashboard shows the
 * default period. Once one is given, all are validated as typed, so a broken link shows an error
 * rather than other data.
 */
export function readDashboardInput(params: SearchParams, now: Date) {
  const today = localDateOf(now);
  const hasPeriodParams = ["from", "to", "granularity"].some((key) => read(params, key) !== undefined);
  const input = hasPeriodParams
    ? {
        from: read(params, "from"),
        to: read(params, "to"),
        granularity: read(params, "granularity"),
      }
    : defaultDashboardInput(today);

  return { input, today };
}

/** Parses the dashboard parameters; throws the VALIDATION AppErrors of parseDashboardQuery. */
export function parseDashboardParams(params: SearchParams, now: Date): DashboardQuery {
  const { input, today } = readDashboardInput(params, now);

  return parseDashboardQuery(input, today);
}

/** Parses the export parameters: the dashboard's, plus `chart` and `format`. */
export function parseDashboardExportParams(params: URLSearchParams, now: Date) {
  const chart = params.get("chart") ?? "";
  if (!(DASHBOARD_CHARTS as readonly string[]).includes(chart)) {
    throw new AppError("VALIDATION", "dashboard.unknownChart", { values: { value: chart } });
  }
  const format = params.get("format") ?? "";
  if (!(DASHBOARD_EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new AppError("VALIDATION", "dashboard.invalidFormat", { values: { value: format } });
  }

  return {
    query: parseDashboardQuery(readDashboardInput(params, now).input, localDateOf(now)),
    chart: chart as DashboardChartId,
    format: format as DashboardExportFormat,
  };
}
