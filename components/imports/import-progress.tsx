"use client";

import { ProgressBar } from "@tremor/react";
import { useTranslations } from "next-intl";

import { formatDecimal } from "@/lib/i18n/format";

// Progress of one server phase, as the import routes stream it.
export interface PhaseProgress {
  phase: string;
  done: number;
  total: number;
}

/** State of a running request as the page shows it: the upload, then the server's progress. */
export type ImportActivity =
  { phase: "upload"; fraction: number } | { phase: "waiting" } | PhaseProgress;

/**
 * Shows the step in progress and how far it is, as reported: the bytes sent during the upload,
 * then the items of each server phase. A phase the server does not report (the preview's
 * analysis) shows a moving bar without a percentage.
 */
export function ImportProgress(props: {
  activity: ImportActivity;
  waitingLabel: string;
  // Label of a server phase; the session import's labels when absent.
  phaseLabel?: (phase: string) => string;
}) {
  const t = useTranslations("sessionImport");
  const { activity } = props;

  let label: string;
  let detail: string | null;
  let value: number | null;
  if ("fraction" in activity) {
    const percent = Math.round(activity.fraction * 100);
    label = t("progress.upload");
    detail = t("progress.percent", { percent });
    value = percent;
  } else if (!("done" in activity)) {
    label = props.waitingLabel;
    detail = null;
    value = null;
  } else {
    label = props.phaseLabel?.(activity.phase) ?? t(`progress.${activity.phase}`);
    detail =
      activity.total > 1
        ? t("progress.count", {
            done: formatDecimal(activity.done),
            total: formatDecimal(activity.total),
          })
        : null;
    value = activity.total === 0 ? 100 : Math.round((activity.done / activity.total) * 100);
  }

  return (
    <div role="status" data-testid="import-progress" className="flex flex-col gap-1">
      <div className="flex justify-between text-tremor-default text-tremor-content">
        <span>{label}</span>
        {detail && <span className="tabular-nums">{detail}</span>}
      </div>
      {value === null ? (
        <div className="h-2 overflow-hidden rounded-full bg-tremor-brand-muted">
          <div className="h-full w-1/3 animate-pulse rounded-full bg-tremor-brand" />
        </div>
      ) : (
        <ProgressBar value={value} color="blue" />
      )}
    </div>
  );
}
