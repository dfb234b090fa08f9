import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";

import { requirePagePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { listExportJobs } from "@/lib/db/export-jobs";
import { localDateOf } from "@/lib/domain/periods";
import { isAppError } from "@/lib/errors";
import { toExportJobView } from "@/lib/jobs/export-job-view";
import { assembleReport } from "@/lib/reports/assemble-report";
import { EXPORT_FORMATS } from "@/lib/reports/render";
import { ReportDocument } from "@/lib/reports/render/html";
import type { ReportBranding } from "@/lib/reports/template";
import { loadReportBranding } from "@/lib/reports/templates/load-branding";
import type { ReportData } from "@/lib/reports/types";
import { REPORT_SLUGS, reportQuerySchema } from "@/lib/validations/report";
import { ExportJobsPanel } from "@/components/reports/export-jobs-panel";
import { ReportChart } from "@/components/reports/report-chart";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The current month in Rome, shown when the page opens without a period.
function currentMonth() {
  const today = localDateOf(new Date());

  return { from: `${today.slice(0, 8)}01`, to: today };
}

async function loadReport(query: ReturnType<typeof reportQuerySchema.parse>) {
  return assembleReport(getDb(), {
    kind: REPORT_SLUGS[query.report],
    from: query.from,
    to: query.to,
    customerCode: query.customer,
    granularity: query.granularity,
  });
}

export default async function ReportsPage({ searchParams }: Props) {
  const user = await requirePagePermission("viewReports");
  const t = await getTranslations();
  const params = await searchParams;
  const value = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const defaults = currentMonth();
  const customers = await getDb().customer.findMany({
    select: { code: true, name: true },
    orderBy: { name: "asc" },
  });

  const submitted = value("report") !== undefined;
  const parsed = reportQuerySchema.safeParse({
    report: value("report") ?? "statement",
    from: value("from") ?? defaults.from,
    to: value("to") ?? defaults.to,
    customer: value("customer"),
    granularity: value("granularity"),
  });
  let data: ReportData | null = null;
  let branding: ReportBranding | null = null;
  let error: string | null = null;
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.message ?? "validation.invalidRequest";
    error = t.has(`errors.${key}`) ? t(`errors.${key}`, { value: "" }) : t("errors.internal");
  } else if (submitted) {
    try {
      data = await loadReport(parsed.data);
      const locale = (await getLocale()) === "en" ? "en" : "it";
      branding = await loadReportBranding(getDb(), REPORT_SLUGS[parsed.data.report], locale);
    } catch (caught) {
      if (!isAppError(caught) || caught.code === "INTERNAL") throw caught;
      error = t(`errors.${caught.messageKey}`, caught.values);
    }
  }

  const form = parsed.success ? parsed.data : null;
  const query = new URLSearchParams(
    Object.entries({
      from: form?.from ?? defaults.from,
      to: form?.to ?? defaults.to,
      customer: form?.customer ?? "all",
      granularity: form?.granularity ?? "auto",
    }),
  );
  const field =
    "rounded-tremor-default border border-tremor-border px-2 py-1.5 text-tremor-default";

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-tremor-title font-semibold text-tremor-content-strong">
        {t("reports.title")}
      </h1>

      <Card>
        <form
          method="get"
          className="flex flex-wrap items-end gap-3"
          aria-label={t("reports.title")}
        >
          <label className="flex flex-col gap-1 text-tremor-default">
            {t("reports.report")}
            <select name="report" defaultValue={form?.report ?? "statement"} className={field}>
              {Object.entries(REPORT_SLUGS).map(([slug, kind]) => (
                <option key={slug} value={slug}>
                  {t(`reports.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-tremor-default">
            {t("reports.customer")}
            <select name="customer" defaultValue={form?.customer ?? "all"} className={field}>
              <option value="all">{t("reports.allCustomers")}</option>
              {customers.map((customer) => (
                <option key={customer.code} value={customer.code}>
                  {customer.name} ({customer.code})
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-tremor-default">
            {t("reports.from")}
            <input
              type="date"
              name="from"
              defaultValue={value("from") ?? defaults.from}
              className={field}
            />
          </label>
          <label className="flex flex-col gap-1 text-tremor-default">
            {t("reports.to")}
            <input
              type="date"
              name="to"
              defaultValue={value("to") ?? defaults.to}
              className={field}
            />
          </label>
          <label className="flex flex-col gap-1 text-tremor-default">
            {t("reports.granularity")}
            <select name="granularity" defaultValue={form?.granularity ?? "auto"} className={field}>
              {(["auto", "day", "week", "month"] as const).map((option) => (
                <option key={option} value={option}>
                  {t(`reports.granularities.${option}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            className="rounded-tremor-default bg-tremor-brand px-4 py-1.5 text-tremor-default text-white"
          >
            {t("reports.show")}
          </button>
        </form>
        {error && (
          <p role="alert" className="mt-3 text-tremor-default text-red-700">
            {error}
          </p>
        )}
      </Card>

      <ExportJobsPanel
        query={
          form
            ? {
                report: form.report,
                from: form.from,
                to: form.to,
                customer: form.customer,
                granularity: form.granularity,
              }
            : null
        }
        canExportStatements={can(user.role, "exportAllStatements")}
        initialJobs={(await listExportJobs(getDb(), user.id)).map(toExportJobView)}
      />

      {data && form && branding && (
        <>
          <div className="flex flex-wrap gap-2" aria-label={t("reports.download")}>
            {EXPORT_FORMATS.map((format) => (
              <a
                key={format}
                href={`/api/reports/${form.report}/export?${query}&format=${format}`}
                className="rounded-tremor-default border border-tremor-border px-3 py-1.5 text-tremor-default hover:bg-tremor-background-muted"
                download
              >
                {t("reports.download")} {format.toUpperCase()}
              </a>
            ))}
          </div>
          {data.sections.length === 0 && <p>{t("reports.noData")}</p>}
          {data.sections.length === 1 && (
            <Card>
              <h2 className="mb-2 font-medium">{t("reports.chartTitle")}</h2>
              <ReportChart chart={data.sections[0].chart} />
            </Card>
          )}
          <Card>
            <h2 className="mb-2 font-medium">{t("reports.preview")}</h2>
            <ReportDocument data={data} branding={branding} />
          </Card>
        </>
      )}
    </div>
  );
}
