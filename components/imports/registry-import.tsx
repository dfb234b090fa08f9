"use client";

import { Card } from "@tremor/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { formatDecimal } from "@/lib/i18n/format";
import { PrimaryButton } from "@/components/ui/primary-button";

import {
  type Inspection,
  postRegistryImport,
  type ReadChoice,
  type RegistryImportCounts,
  type RegistryImportProgress,
  type RegistryPreview,
} from "./api";
import { ColumnMapping } from "./column-mapping";
import { ImportFailureCallout, ImportHeading, ImportResultStatus } from "./import-page";
import { ImportProgress } from "./import-progress";
import { RegistryFileCard } from "./registry-file-card";
import { initialMapping, type MappingState, toMappingRequest } from "./registry-mapping-state";
import { RegistryPreviewCard } from "./registry-preview-card";
import { SampleRows } from "./sample-rows";
import { SavedMappingStatus } from "./saved-mapping-status";
import { useImportRequest } from "./use-import-request";

const AUTO_READ: ReadChoice = { encoding: "auto", delimiter: "auto" };

type Step = "inspect" | "preview" | "commit";

interface PreviewState {
  data: RegistryPreview;
  // The form the preview was made with, to tell when it has changed since.
  key: string;
  // Remounts the tables for each new preview, so they open on its first non-empty category.
  serial: number;
}

/** Runs the registry import: choose a file, map its columns, preview, then import. */
export function RegistryImport() {
  const t = useTranslations("imports");
  const errors = useTranslations("errors");
  const [file, setFile] = useState<File | null>(null);
  const [read, setRead] = useState<ReadChoice>(AUTO_READ);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mapping, setMapping] = useState<MappingState>(() => initialMapping([], null));
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const [skipRejected, setSkipRejected] = useState(false);
  const [result, setResult] = useState<RegistryImportCounts | null>(null);
  const { failure, setFailure, pending, activity, run, rejectLargeFile } = useImportRequest<
    Step,
    RegistryImportProgress
  >(t("requestFailed"));

  const mappingRequest = toMappingRequest(mapping);
  const formKey = JSON.stringify([read, mappingRequest]);
  const stale = preview !== null && preview.key !== formKey;
  const update = (change: Partial<MappingState>) => setMapping({ ...mapping, ...change });

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
      postRegistryImport<Inspection>(
        "/api/imports/registry/inspect",
        { file: chosen, read: chosenRead },
        callbacks,
      ),
    );
    if (!inspected) return;
    setInspection(inspected);
    setMapping(initialMapping(inspected.headers, inspected.savedMapping));
  }

  async function onPreview() {
    if (!file) return;
    setResult(null);
    const data = await run("preview", (callbacks) =>
      postRegistryImport<RegistryPreview>(
        "/api/imports/registry/preview",
        { file, read, mapping: mappingRequest },
        callbacks,
      ),
    );
    if (!data) return;
    setSkipRejected(false);
    setPreview((previous) => ({ data, key: formKey, serial: (previous?.serial ?? 0) + 1 }));
  }

  async function onCommit() {
    if (!file) return;
    const response = await run("commit", (callbacks) =>
      postRegistryImport<{ counts: RegistryImportCounts }>(
        "/api/imports/registry/commit",
        { file, read, mapping: mappingRequest, skipRejected },
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
          {mapping.saved && <SavedMappingStatus unmappedHeaders={mapping.unmappedHeaders} />}
          <ColumnMapping
            headers={inspection.headers}
            columns={mapping.columns}
            devices={mapping.devices}
            filter={mapping.filter}
            deactivateMissing={mapping.deactivateMissing}
            disabled={pending !== null}
            onColumnsChange={(columns) => update({ columns })}
            onDevicesChange={(devices) => update({ devices })}
            onFilterChange={(filter) => update({ filter })}
            onDeactivateMissingChange={(deactivateMissing) => update({ deactivateMissing })}
          />
          <div>
            <PrimaryButton type="button" onClick={onPreview} disabled={pending !== null}>
              {t("actions.preview")}
            </PrimaryButton>
          </div>
        </Card>
      )}

      {pending && activity && (
        <ImportProgress
          activity={activity}
          waitingLabel={t(`progress.waiting.${pending}`)}
          phaseLabel={(phase) => t(`progress.${phase}`)}
        />
      )}

      {failure && <ImportFailureCallout failure={failure} />}

      {preview && (
        <RegistryPreviewCard
          key={preview.serial}
          preview={preview.data}
          stale={stale}
          pending={pending !== null}
          skipRejected={skipRejected}
          onSkipRejectedChange={setSkipRejected}
          onCommit={onCommit}
        />
      )}

      {result && (
        <ImportResultStatus>
          {t("result", {
            new: formatDecimal(result.new),
            updated: formatDecimal(result.updated),
            unchanged: formatDecimal(result.unchanged),
            rejected: formatDecimal(result.rejected),
            devices: formatDecimal(result.devices),
            deactivated: formatDecimal(result.deactivated),
          })}
        </ImportResultStatus>
      )}
    </div>
  );
}
