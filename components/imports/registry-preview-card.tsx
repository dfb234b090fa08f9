"use client";

import { Card } from "@tremor/react";
import { useTranslations } from "next-intl";

import { formatDecimal } from "@/lib/i18n/format";

import type { RegistryPreview } from "./api";
import { PreviewSummary } from "./preview-summary";
import { PreviewTables } from "./preview-tables";

/**
 * Shows the preview and the import button. A file with rejected rows imports only after the user
 * ticks that those rows are left out, so a partial import is always a choice.
 */
export function RegistryPreviewCard(props: {
  preview: RegistryPreview;
  stale: boolean;
  pending: boolean;
  skipRejected: boolean;
  onSkipRejectedChange: (skip: boolean) => void;
  onCommit: () => void;
}) {
  const t = useTranslations("imports");
  const { preview, stale, pending, skipRejected } = props;
  const { counts } = preview;
  const writes = counts.new + counts.updated + counts.devices + counts.deactivated;
  const importable = counts.new + counts.updated + counts.unchanged > 0 || counts.deactivated > 0;
  const blockedByRejections = counts.rejected > 0 && !skipRejected;
  const missingCount = { count: counts.missing, formatted: formatDecimal(counts.missing) };

  return (
    <Card className="flex flex-col gap-4" data-testid="preview">
      <h2 className="font-semibold text-tremor-content-strong">{t("summary.title")}</h2>
      <PreviewSummary counts={counts} />
      <p className="text-tremor-default text-tremor-content">
        {writes > 0 ? t("commitHint") : t("nothingToWrite")}
      </p>
      {counts.missing > 0 && (
        <p className="text-tremor-default text-tremor-content" data-testid="missing-note">
          {counts.deactivated > 0
            ? t("missing.willDeactivate", missingCount)
            : t("missing.kept", missingCount)}
        </p>
      )}
      {counts.rejected > 0 && (
        <label className="flex items-start gap-2 rounded-tremor-small border border-amber-300 bg-amber-50 px-3 py-2 text-tremor-default text-amber-900">
          <input
            type="checkbox"
            data-testid="skip-rejected"
            checked={skipRejected}
            disabled={pending}
            onChange={(event) => props.onSkipRejectedChange(event.target.checked)}
            className="mt-1"
          />
          <span>
            {t("skipRejected", {
              count: counts.rejected,
              formatted: formatDecimal(counts.rejected),
            })}
          </span>
        </label>
      )}
      {stale && (
        <p className="text-tremor-default text-amber-700" role="status">
          {t("stalePreview")}
        </p>
      )}
      <div>
        <button
          type="button"
          onClick={props.onCommit}
          disabled={pending || stale || !importable || blockedByRejections}
          className="rounded-tremor-small bg-emerald-600 px-4 py-2 font-medium text-white hover:bg-emerald-700 disabled:opacity-60"
        >
          {t("actions.commit")}
        </button>
      </div>
      <PreviewTables preview={preview} />
    </Card>
  );
}
