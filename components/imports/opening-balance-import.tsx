"use client";

import { Card } from "@tremor/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { OPENING_BALANCE_FIELDS } from "@/lib/imports/opening-balance-rows";
import { formatDecimal, formatSignedMinutes } from "@/lib/i18n/format";
import { PrimaryButton } from "@/components/ui/primary-button";

import type { Inspection, ReadChoice } from "./api";
import { ImportFailureCallout, ImportHeading, ImportResultStatus } from "./import-page";
import { ImportProgress } from "./import-progress";
import {
  type OpeningBalanceColumns,
  type OpeningBalanceCounts,
  type OpeningBalancePreview,
  type OpeningBalanceProgress,
  postOpeningBalances,
  suggestOpeningBalanceColumns,
} from "./opening-balance-api";
import { OpeningBalancePreviewCard } from "./opening-balance-preview";
import { RegistryFileCard } from "./registry-file-card";
import { SampleRows } from "./sample-rows";
import { useImportRequest } from "./use-import-request";

const AUTO_READ: ReadChoice = { encoding: "auto", delimiter: "auto" };
const EMPTY_COLUMNS: OpeningBalanceColumns = { code: "", minutes: "", contract: "", comment: "" };
const selectClass =
  "w-full rounded-tremor-small border border-tremor-border bg-white px-3 py-2 text-tremor-default shadow-tremor-input";

type Step = "inspect" | "preview" | "commit";

/** Runs the opening-balance import: choose a file, map its columns, preview, then record. */
export function OpeningBalanceImport() {
  const t = useTranslations("openingBalances");
  const imports = useTranslations("imports");
  const errors = useTranslations("errors");
  const [file, setFile] = useState<File | null>(null);
  const [read, setRead] = useState<ReadChoice>(AUTO_READ);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [columns, setColumns] = useState<OpeningBalanceColumns>(EMPTY_COLUMNS);
  const [preview, setPreview] = useState<{ data: OpeningBalancePreview; key: string } | null>(null);
  const [result, setResult] = useState<OpeningBalanceCounts | null>(null);
  const { failure, setFailure, pending, activity, run, rejectLargeFile } = useImportRequest<
    Step,
    OpeningBalanceProgress
  >(imports("requestFailed"));
  const formKey = JSON.stringify([read, columns]);

  async function inspect(chosen: File | null, chosenRead: ReadChoice) {
    setFile(chosen);
    setRead(chosenRead);
    setInspection(null);
    setPreview(null);
    setResult(null);
    setFailure(null);
    if (!chosen) return;
    const tooLarge = (maxMegabytes: number) => errors("imports.fileTooLarge", { maxMegabytes });
    if (rejectLargeFile(chosen, tooLarge)) return;

    const inspected = await run("inspect", (callbacks) =>
      postOpeningBalances<Inspection>(
        "/api/imports/opening-balances/inspect",
        { file: chosen, read: chosenRead },
        callbacks,
      ),
    );
    if (!inspected) return;
    setInspection(inspected);
    setColumns(suggestOpeningBalanceColumns(inspected.headers));
  }

  async function onPreview() {
    if (!file) return;
    setResult(null);
    const data = await run("preview", (callbacks) =>
      postOpeningBalances<OpeningBalancePreview>(
        "/api/imports/opening-balances/preview",
        { file, read, columns },
        callbacks,
      ),
    );
    if (data) setPreview({ data, key: formKey });
  }

  async function onCommit() {
    if (!file) return;
    const response = await run("commit", (callbacks) =>
      postOpeningBalances<{ counts: OpeningBalanceCounts }>(
        "/api/imports/opening-balances/commit",
        { file, read, columns },
        { ...callbacks, streamed: true },
      ),
    );
    if (!response) return;
    setResult(response.counts);
    setPreview(null);
  }

  return (
    <div className="flex flex-col gap-6">
      <ImportHeading title={t("title")} intro={t("intro")} />

      <RegistryFileCard
        inspection={inspection}
        read={read}
        disabled={pending !== null}
        onFile={(chosen) => inspect(chosen, AUTO_READ)}
        onReadChange={(chosenRead) => inspect(file, chosenRead)}
      />

      {inspection && (
        <Card className="flex flex-col gap-6">
          <SampleRows headers={inspection.headers} rows={inspection.sampleRows} />
          <section>
            <h2 className="font-semibold text-tremor-content-strong">{imports("mapping.title")}</h2>
            <p className="mb-3 text-tremor-default text-tremor-content">{t("mappingHint")}</p>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              {OPENING_BALANCE_FIELDS.map((field) => (
                <label key={field} className="flex flex-col gap-1 text-tremor-default">
                  {t(`fields.${field}`)}
                  <select
                    aria-label={t(`fields.${field}`)}
                    data-testid={`mapping-${field}`}
                    value={columns[field]}
                    disabled={pending !== null}
                    onChange={(event) => setColumns({ ...columns, [field]: event.target.value })}
                    className={selectClass}
                  >
                    <option value="">{imports("mapping.none")}</option>
                    {inspection.headers.map((header) => (
                      <option key={header} value={header}>
                        {header}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </section>
          <div>
            <PrimaryButton type="button" onClick={onPreview} disabled={pending !== null}>
              {imports("actions.preview")}
            </PrimaryButton>
          </div>
        </Card>
      )}

      {pending && activity && (
        <ImportProgress
          activity={activity}
          waitingLabel={imports(`progress.waiting.${pending}`)}
          phaseLabel={(phase) => t(`progress.${phase}`)}
        />
      )}

      {failure && <ImportFailureCallout failure={failure} />}

      {preview && (
        <OpeningBalancePreviewCard
          preview={preview.data}
          stale={preview.key !== formKey}
          pending={pending !== null}
          onCommit={onCommit}
        />
      )}

      {result && (
        <ImportResultStatus>
          {t("result", {
            topUps: formatDecimal(result.topUps),
            adjustments: formatDecimal(result.adjustments),
            minutes: formatSignedMinutes(result.minutes),
          })}
        </ImportResultStatus>
      )}
    </div>
  );
}
