import type { UpdatedRegistryRow } from "@/lib/imports/registry-compare";
import type { RegistryField } from "@/lib/imports/registry-mapping";
import type { RegistryRow, RejectedRow } from "@/lib/imports/registry-rows";
import type { ImportTable } from "@/lib/imports/import-table";
import { PREVIEW_ROW_LIMIT } from "@/lib/imports/limits";

import type { Db } from "../client";
import {
  analyseRegistry,
  type ImportedDevice,
  type MissingCustomer,
  readRegistryFile,
  type RegistryAnalysis,
  type RegistryImportInput,
} from "./analyse";

export interface RegistryImportCounts {
  rows: number;
  excluded: number;
  rejected: number;
  new: number;
  updated: number;
  unchanged: number;
  // Devices registered by the import.
  devices: number;
  // Active customers whose code is not in the file.
  missing: number;
  // Customers marked inactive: `missing` when the mapping requests it, otherwise 0.
  deactivated: number;
}

export interface RegistryPreview {
  fileName: string;
  format: ImportTable["format"];
  encoding: ImportTable["encoding"];
  delimiter: ImportTable["delimiter"];
  fields: RegistryField[];
  counts: RegistryImportCounts;
  // Maximum rows listed for new, updated, unchanged and missing. Rejected rows are all listed.
  rowLimit: number;
  new: RegistryRow[];
  updated: UpdatedRegistryRow[];
  unchanged: RegistryRow[];
  rejected: RejectedRow[];
  devices: ImportedDevice[];
  missing: MissingCustomer[];
}

/** Returns the counts of an analysis; `written` replaces the expected counts after a commit. */
export function countsOf(
  analysis: RegistryAnalysis,
  deactivateMissing: boolean,
  written?: { new: number; updated: number; devices: number; deactivated: number },
): RegistryImportCounts {
  const { mapped, comparison } = analysis;
  const created = written?.new ?? comparison.new.length;
  const updated = written?.updated ?? comparison.updated.length;

  return {
    rows: mapped.rowCount,
    excluded: mapped.excludedCount,
    rejected: mapped.rejected.length,
    new: created,
    updated,
    unchanged: mapped.rows.length - created - updated,
    devices: written?.devices ?? analysis.newDevices.length,
    missing: analysis.missing.length,
    deactivated: written?.deactivated ?? (deactivateMissing ? analysis.missing.length : 0),
  };
}

/** Parses and maps the file, then sorts the rows into new, updated, unchanged and rejected. */
export async function previewRegistryImport(
  db: Db,
  input: RegistryImportInput,
): Promise<RegistryPreview> {
  const analysis = await analyseRegistry(db, await readRegistryFile(input));
  const { table, mapped, comparison } = analysis;

  return {
    fileName: input.fileName,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    fields: mapped.fields,
    counts: countsOf(analysis, input.mapping.deactivateMissing),
    rowLimit: PREVIEW_ROW_LIMIT,
    new: comparison.new.slice(0, PREVIEW_ROW_LIMIT),
    updated: comparison.updated.slice(0, PREVIEW_ROW_LIMIT),
    unchanged: comparison.unchanged.slice(0, PREVIEW_ROW_LIMIT),
    rejected: mapped.rejected,
    devices: analysis.newDevices.slice(0, PREVIEW_ROW_LIMIT),
    missing: analysis.missing.slice(0, PREVIEW_ROW_LIMIT),
  };
}
