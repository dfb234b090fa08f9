"use client";

import { Callout, Card } from "@tremor/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

import type { Delimiter } from "@/lib/imports/csv";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/imports/limits";
import { REGISTRY_FIELDS } from "@/lib/imports/registry-mapping";
import { formatDecimal } from "@/lib/i18n/format";

import {
  ImportRequestError,
  type Inspection,
  type MappingRequest,
  postImportForm,
  type RegistryImportCounts,
  type RegistryPreview,
} from "./api";
import { type ColumnChoice, ColumnMapping, type FilterChoice } from "./column-mapping";
import { PreviewSummary } from "./preview-summary";
import { PreviewTables } from "./preview-tables";
import { SampleRows } from "./sample-rows";

const MAX_MEGABYTES = MAX_IMPORT_FILE_BYTES / (1024 * 1024);
const DELIMITER_NAMES: Record<Delimiter, string> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
};
const NO_FILTER: FilterChoice = { column: "", value: "" };

type Step = "inspect" | "preview" | "commit";

interface PreviewState {
  data: RegistryPreview;
  // The mapping the preview was made with, to tell when the form has changed since.
  key: string;
  // Remounts the tables for each new preview, so they open on its first non-empty category.
  serial: number;
}

// Suggests only a header spelled exactly like a field name, ignoring case. A looser match would be
// a guess, and a wrong guess is easy to miss in a long form.
function suggestColumns(headers: string[]): ColumnChoice {
  const byName = new Map(headers.map((header) => [header.toLowerCase(), header]));

  return Object.fromEntries(
    REGISTRY_FIELDS.map((field) => [field, byName.get(field.toLowerCase()) ?? ""]),
  ) as ColumnChoice;
}

function toMappingRequest(columns: ColumnChoice, filter: FilterChoice): MappingRequest {
  const hasFilter = filter.column !== "" || filter.value.trim() !== "";

  return { columns, filter: hasFilter ? filter : null };
}

/** Runs the registry import: choose a file, map its columns, preview, then import. */
export function RegistryImport() {
  const t = useTranslations("imports");
  const errors = useTranslations("errors");
  const [file, setFile] = useState<File | null>(null);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [columns, setColumns] = useState<ColumnChoice>(() => suggestColumns([]));
  const [filter, setFilter] = useState<FilterChoice>(NO_FILTER);
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const [result, setResult] = useState<RegistryImportCounts | null>(null);
  const [failure, setFailure] = useState<{ message: string; details: string[] } | null>(null);
  const [pending, setPending] = useState<Step | null>(null);

  const mapping = toMappingRequest(columns, filter);
  const mappingKey = JSON.stringify(mapping);
  const stale = preview !== null && preview.key !== mappingKey;
  const counts = preview?.data.counts;
  const importable = counts ? counts.new + counts.updated + counts.unchanged > 0 : false;

  async function run<T>(step: Step, request: () => Promise<T>): Promise<T | null> {
    setPending(step);
    setFailure(null);
    try {
      return await request();
    } catch (error) {
      const known = error instanceof ImportRequestError ? error : null;
      setFailure({
        message: known?.serverMessage ?? t("requestFailed"),
        details: known?.details ?? [],
      });

      return null;
    } finally {
      setPending(null);
    }
  }

  async function onFileChange(event: React.ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setInspection(null);
    setPreview(null);
    setResult(null);
    setFailure(null);
    if (!chosen) return;

    if (chosen.size > MAX_IMPORT_FILE_BYTES) {
      setFailure({
        message: errors("imports.fileTooLarge", { maxMegabytes: MAX_MEGABYTES }),
        details: [],
      });
      return;
    }

    const inspected = await run("inspect", () =>
      postImportForm<Inspection>("/api/imports/registry/inspect", chosen),
    );
    if (!inspected) return;
    setInspection(inspected);
    setColumns(suggestColumns(inspected.headers));
    setFilter(NO_FILTER);
  }

  async function onPreview() {
    if (!file) return;
    setResult(null);
    const data = await run("preview", () =>
      postImportForm<RegistryPreview>("/api/imports/registry/preview", file, mapping),
    );
    if (data)
      setPreview((previous) => ({ data, key: mappingKey, serial: (previous?.serial ?? 0) + 1 }));
  }

  async function onCommit() {
    if (!file) return;
    const response = await run("commit", () =>
      postImportForm<{ counts: RegistryImportCounts }>(
        "/api/imports/registry/commit",
        file,
        mapping,
      ),
    );
    if (!response) return;
    setResult(response.counts);
    setPreview(null);
  }

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-tremor-title font-semibold text-tremor-content-strong">{t("title")}</h1>
        <p className="mt-1 text-tremor-default text-tremor-content">{t("intro")}</p>
      </div>

      <Card className="flex flex-col gap-2">
        <label htmlFor="registry-file" className="font-semibold text-tremor-content-strong">
          {t("file.label")}
        </label>
        <input
          id="registry-file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          disabled={pending !== null}
          onChange={onFileChange}
          className="text-tremor-default"
        />
        <p className="text-tremor-label text-tremor-content">
          {t("file.hint", { maxMegabytes: MAX_MEGABYTES })}
        </p>
        {inspection && (
          <p className="text-tremor-default" data-testid="file-summary">
            {t("file.summary", {
              rows: formatDecimal(inspection.rowCount),
              columns: formatDecimal(inspection.headers.length),
              delimiter: t(`delimiters.${DELIMITER_NAMES[inspection.delimiter]}`),
              encoding: inspection.encoding.toUpperCase(),
            })}
          </p>
        )}
      </Card>

      {inspection && (
        <Card className="flex flex-col gap-6">
          <SampleRows headers={inspection.headers} rows={inspection.sampleRows} />
          <ColumnMapping
            headers={inspection.headers}
            columns={columns}
            filter={filter}
            disabled={pending !== null}
            onColumnsChange={setColumns}
            onFilterChange={setFilter}
          />
          <div>
            <button
              type="button"
              onClick={onPreview}
              disabled={pending !== null}
              className="rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis disabled:opacity-60"
            >
              {t("actions.preview")}
            </button>
          </div>
        </Card>
      )}

      {pending && (
        <p role="status" className="text-tremor-default text-tremor-content">
          {pending === "inspect" && t("file.reading")}
          {pending === "preview" && t("actions.previewing")}
          {pending === "commit" && t("actions.committing")}
        </p>
      )}

      {failure && (
        <Callout color="red" title={failure.message} role="alert" data-testid="import-error">
          {failure.details.length > 0 && (
            <ul className="list-disc pl-5">
              {failure.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
        </Callout>
      )}

      {preview && counts && (
        <Card className="flex flex-col gap-4" data-testid="preview">
          <h2 className="font-semibold text-tremor-content-strong">{t("summary.title")}</h2>
          <PreviewSummary counts={counts} />
          <p className="text-tremor-default text-tremor-content">
            {counts.new + counts.updated > 0 ? t("commitHint") : t("nothingToWrite")}
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
          <PreviewTables key={preview.serial} preview={preview.data} />
        </Card>
      )}

      {result && (
        <p
          role="status"
          data-testid="import-result"
          className="rounded-tremor-default border border-emerald-200 bg-emerald-50 px-4 py-3 text-tremor-default text-emerald-800"
        >
          {t("result", {
            new: formatDecimal(result.new),
            updated: formatDecimal(result.updated),
            unchanged: formatDecimal(result.unchanged),
            rejected: formatDecimal(result.rejected),
          })}
        </p>
      )}
    </div>
  );
}
