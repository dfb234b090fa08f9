"use client";

import { useCallback, useEffect, useState } from "react";
import { Card, ProgressBar } from "@tremor/react";
import { useTranslations } from "next-intl";

import { formatCalendarDate, formatDateTime, formatInteger } from "@/lib/i18n/format";
import type { ExportJobView } from "@/lib/jobs/export-job-view";
import { sendJson } from "@/components/ui/send-json";

export interface BackgroundReportQuery {
  report: string;
  from: string;
  to: string;
  customer: string | null;
  granularity?: string;
}

const POLL_MS = 1500;

function isActive(job: ExportJobView): boolean {
  return job.status === "QUEUED" || job.status === "RUNNING";
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatInteger(Math.max(1, Math.round(bytes / 1024)))} KB`;

  return `${(bytes / (1024 * 1024)).toFixed(1).replace(".", ",")} MB`;
}

/**
 * Starts background exports of the report shown on the page (and, for administrators, the ZIP of
 * every statement of the period) and lists the user's exports, polling while any is running.
 */
export function ExportJobsPanel(props: {
  query: BackgroundReportQuery | null;
  canExportStatements: boolean;
  initialJobs: ExportJobView[];
}) {
  const t = useTranslations("exports");
  const tErrors = useTranslations("errors");
  const [jobs, setJobs] = useState<ExportJobView[]>(props.initialJobs);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const refresh = useCallback(async () => {
    const result = await sendJson<{ jobs: ExportJobView[] }>("/api/export-jobs", {
      method: "GET",
      networkMessage: t("networkError"),
      fallbackMessage: t("loadFailed"),
    });
    if (result.ok) setJobs(result.data.jobs);
    else setError(result.message);
  }, [t]);

  const polling = jobs.some(isActive);
  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(() => void refresh(), POLL_MS);

    return () => clearInterval(timer);
  }, [polling, refresh]);

  async function start(body: Record<string, unknown>) {
    setSending(true);
    setError(null);
    const result = await sendJson<{ job: ExportJobView }>("/api/export-jobs", {
      method: "POST",
      body,
      networkMessage: t("networkError"),
      fallbackMessage: t("startFailed"),
    });
    setSending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setJobs((current) => [result.data.job, ...current]);
  }

  const { query } = props;
  const button =
    "rounded-tremor-default border border-tremor-border px-3 py-1.5 text-tremor-default hover:bg-tremor-background-muted disabled:opacity-50";

  return (
    <Card>
      <h2 className="font-medium">{t("title")}</h2>
      <p className="mb-3 text-tremor-default text-tremor-content">{t("intro")}</p>
      <div className="flex flex-wrap gap-2">
        {(["csv", "xlsx"] as const).map((format) => (
          <button
            key={format}
            type="button"
            className={button}
            disabled={sending || !query}
            onClick={() => query && void start({ type: "report", format, ...query })}
          >
            {t("startReport", { format: format.toUpperCase() })}
          </button>
        ))}
        {props.canExportStatements && (
          <button
            type="button"
            className={button}
            disabled={sending || !query}
            onClick={() =>
              query && void start({ type: "statements-zip", from: query.from, to: query.to })
            }
          >
            {t("startStatements")}
          </button>
        )}
      </div>
      {query && (
        <p className="mt-2 text-tremor-label text-tremor-content">
          {t("periodHint", {
            from: formatCalendarDate(query.from),
            to: formatCalendarDate(query.to),
          })}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-3 text-tremor-default text-red-700">
          {error}
        </p>
      )}

      <table className="mt-4 w-full text-left text-tremor-default" aria-label={t("listLabel")}>
        <thead className="text-tremor-content">
          <tr>
            <th className="py-1 pr-3 font-medium">{t("columns.created")}</th>
            <th className="py-1 pr-3 font-medium">{t("columns.export")}</th>
            <th className="py-1 pr-3 font-medium">{t("columns.status")}</th>
            <th className="py-1 font-medium">{t("columns.file")}</th>
          </tr>
        </thead>
        <tbody>
          {jobs.length === 0 && (
            <tr>
              <td colSpan={4} className="py-2 text-tremor-content">
                {t("empty")}
              </td>
            </tr>
          )}
          {jobs.map((job) => (
            <tr key={job.id} data-testid="export-job" className="border-t border-tremor-border">
              <td className="py-2 pr-3 tabular-nums">{formatDateTime(new Date(job.createdAt))}</td>
              <td className="py-2 pr-3">
                {t(
                  `kinds.${job.kind === "STATEMENTS_ZIP" ? "STATEMENTS_ZIP" : (job.report ?? "SESSIONS")}`,
                )}{" "}
                ({job.format.toUpperCase()}) · {formatCalendarDate(job.parameters.from)} –{" "}
                {formatCalendarDate(job.parameters.to)}
                {job.parameters.customerCode ? ` · ${job.parameters.customerCode}` : ""}
              </td>
              <td className="min-w-40 py-2 pr-3" role="status">
                <span>{t(`status.${job.status}`, { progress: job.progress })}</span>
                {isActive(job) && (
                  <ProgressBar value={job.progress} color="blue" className="mt-1" />
                )}
              </td>
              <td className="py-2">
                {job.downloadUrl && (
                  <a href={job.downloadUrl} download className="text-tremor-brand underline">
                    {job.fileName} ({formatBytes(job.fileBytes ?? 0)})
                  </a>
                )}
                {job.status === "EXPIRED" && (
                  <span className="text-tremor-content">{t("expiredFile")}</span>
                )}
                {job.error && (
                  <span className="text-red-700">
                    {tErrors.has(job.error.key)
                      ? tErrors(job.error.key, job.error.values)
                      : tErrors("internal")}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
