"use client";

import { Callout, Card } from "@tremor/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { formatDecimal } from "@/lib/i18n/format";
import { PrimaryButton } from "@/components/ui/primary-button";

import { ImportFailureCallout, ImportHeading } from "./import-page";
import { ImportProgress } from "./import-progress";
import { SampleRows } from "./sample-rows";
import {
  type FormatChoice,
  postSessionImport,
  type SessionImportForm,
  type SessionImportPreview,
  type SessionImportProgress,
  type SessionImportResult,
  type SessionInspection,
} from "./session-api";
import {
  type SessionColumnChoice,
  SessionColumnMapping,
  suggestSessionColumns,
} from "./session-column-mapping";
import { SessionFileCard } from "./session-file-card";
import { CustomerTotals, SessionCounts } from "./session-preview-summary";
import { SessionPreviewTables } from "./session-preview-tables";
import { useImportRequest } from "./use-import-request";

type Step = "inspect" | "preview" | "commit";

interface PreviewState {
  data: SessionImportPreview;
  // The form the preview was made with, to tell when it has changed since.
  key: string;
  // Remounts the tables for each new preview, so they open on its first non-empty category.
  serial: number;
}

/** Runs the session import: choose a file, map CSV columns, preview, then import. */
export function SessionImport() {
  const t = useTranslations("sessionImport");
  const errors = useTranslations("errors");
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<FormatChoice>("auto");
  const [inspection, setInspection] = useState<SessionInspection | null>(null);
  const [columns, setColumns] = useState<SessionColumnChoice | null>(null);
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const [result, setResult] = useState<SessionImportResult | null>(null);
  const { failure, setFailure, pending, activity, run, rejectLargeFile } = useImportRequest<
    Step,
    SessionImportProgress
  >(t("requestFailed"));

  const csv = inspection?.format === "csv";
  const form: SessionImportForm | null =
    file && inspection ? { file, format: inspection.format, columns: csv ? columns : null } : null;
  const formKey = JSON.stringify([form?.format, form?.columns]);
  const stale = preview !== null && preview.key !== formKey;
  const counts = preview?.data.counts;
  const importable = counts ? counts.onCustomer + counts.toAssign > 0 : false;

  async function inspect(chosen: File | null, chosenFormat: FormatChoice) {
    setInspection(null);
    setPreview(null);
    setResult(null);
    setFailure(null);
    if (!chosen) return;

    const tooLarge = (maxMegabytes: number) =>
      errors("sessionImport.fileTooLarge", { maxMegabytes });
    if (rejectLargeFile(chosen, tooLarge)) return;

    const inspected = await run("inspect", (callbacks) =>
      postSessionImport<SessionInspection>(
        "/api/imports/sessions/inspect",
        { file: chosen, format: chosenFormat, columns: null },
        callbacks,
      ),
    );
    if (!inspected) return;
    setInspection(inspected);
    setColumns(suggestSessionColumns(inspected.headers, (field) => t(`fields.${field}`)));
  }

  async function onPreview() {
    if (!form) return;
    setResult(null);
    const data = await run("preview", (callbacks) =>
      postSessionImport<SessionImportPreview>("/api/imports/sessions/preview", form, callbacks),
    );
    if (data)
      setPreview((previous) => ({ data, key: formKey, serial: (previous?.serial ?? 0) + 1 }));
  }

  async function onCommit() {
    if (!form) return;
    const data = await run("commit", (callbacks) =>
      postSessionImport<SessionImportResult>("/api/imports/sessions/commit", form, {
        ...callbacks,
        streamed: true,
      }),
    );
    if (!data) return;
    setResult(data);
    setPreview(null);
  }

  const waitingLabel = pending === "inspect" ? t("file.reading") : t("actions.previewing");
  const previewButton = (
    <PrimaryButton type="button" onClick={onPreview} disabled={pending !== null}>
      {t("actions.preview")}
    </PrimaryButton>
  );

  return (
    <div className="flex flex-col gap-6">
      <ImportHeading title={t("title")} intro={t("intro")} />

      <SessionFileCard
        action={inspection && !csv ? previewButton : null}
        format={format}
        inspection={inspection}
        disabled={pending !== null}
        onFile={(chosen) => {
          setFile(chosen);
          void inspect(chosen, format);
        }}
        onFormat={(chosen) => {
          setFormat(chosen);
          void inspect(file, chosen);
        }}
      />

      {csv && columns && inspection && (
        <Card className="flex flex-col gap-6">
          <SampleRows headers={inspection.headers} rows={inspection.sampleRows} />
          <SessionColumnMapping
            headers={inspection.headers}
            columns={columns}
            disabled={pending !== null}
            onChange={setColumns}
          />
          <div>{previewButton}</div>
        </Card>
      )}

      {activity && pending !== "commit" && (
        <ImportProgress activity={activity} waitingLabel={waitingLabel} />
      )}

      {failure && <ImportFailureCallout failure={failure} />}

      {preview && counts && (
        <Card className="flex flex-col gap-4" data-testid="preview">
          <h2 className="font-semibold text-tremor-content-strong">{t("summary.title")}</h2>
          <SessionCounts summary={preview.data} />
          <p className="text-tremor-default text-tremor-content">
            {importable ? t("commitHint") : t("nothingToImport")}
          </p>
          {stale && (
            <p className="text-tremor-default text-amber-700" role="status">
              {t("stalePreview")}
            </p>
          )}
          <div>
            <button
              type="button"
              onClick={onCommit}
              disabled={pending !== null || stale || !importable}
              className="rounded-tremor-small bg-emerald-600 px-4 py-2 font-medium text-white hover:bg-emerald-700 disabled:opacity-60"
            >
              {t("actions.commit")}
            </button>
          </div>
          {activity && pending === "commit" && (
            <ImportProgress activity={activity} waitingLabel={t("actions.committing")} />
          )}
          <CustomerTotals customers={preview.data.customers} />
          <SessionPreviewTables key={preview.serial} preview={preview.data} />
        </Card>
      )}

      {result && (
        <Card className="flex flex-col gap-4" data-testid="import-result">
          <Callout
            color="emerald"
            title={t("result.title", { seconds: formatDecimal(result.elapsedMs / 1000) })}
          >
            {t("result.counts", {
              onCustomer: formatDecimal(result.counts.onCustomer),
              toAssign: formatDecimal(result.counts.toAssign),
              alreadyImported: formatDecimal(result.counts.alreadyImported),
              rejected: formatDecimal(result.counts.rejected),
              billedMinutes: formatDecimal(result.billedMinutes),
            })}
          </Callout>
          <SessionCounts summary={result} />
          <CustomerTotals customers={result.customers} />
        </Card>
      )}
    </div>
  );
}
