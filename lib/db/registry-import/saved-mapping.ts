// The column mapping of the last committed registry import, offered again when a file has the
// columns it names, so a monthly ERP export needs mapping only once.
import { z } from "zod";

import {
  mappedDeviceColumns,
  mappedFields,
  type RegistryMapping,
  registryMappingSchema,
} from "@/lib/imports/registry-mapping";

import type { Db, Tx } from "../client";

export const SAVED_MAPPING_SETTING = "registryImport.mapping";

/**
 * Stores `mapping` and the file's `headers` as the ones to offer next time, in the commit's
 * transaction. deactivateMissing is left out because it applies to one import only: remembered,
 * it would make the next file, even a one-row one, mark every other customer inactive.
 */
export async function saveRegistryMapping(
  tx: Tx,
  mapping: RegistryMapping,
  headers: string[],
): Promise<void> {
  const value = {
    columns: mapping.columns,
    filter: mapping.filter,
    devices: mapping.devices,
    headers,
  };
  await tx.setting.upsert({
    where: { key: SAVED_MAPPING_SETTING },
    create: { key: SAVED_MAPPING_SETTING, value },
    update: { value },
  });
}

export interface SavedRegistryMapping {
  mapping: RegistryMapping;
  // Headers of the new file that the last imported file did not have, so the saved mapping leaves
  // them unmapped. Empty when both files have the same header set.
  unmappedHeaders: string[];
}

// Values saved before the headers were stored have none: their file is taken to have had only
// the mapped columns.
const savedHeadersSchema = z.object({ headers: z.array(z.string()).optional() });

/**
 * Returns the saved mapping when every column it names is among `headers`, with the headers it
 * leaves unmapped, otherwise null. A stored value that no longer parses (an older shape) is
 * ignored. deactivateMissing is always false, so the user ticks it again for each import.
 */
export async function findSavedRegistryMapping(
  db: Db,
  headers: string[],
): Promise<SavedRegistryMapping | null> {
  const setting = await db.setting.findUnique({ where: { key: SAVED_MAPPING_SETTING } });
  const parsed = registryMappingSchema.safeParse(setting?.value);
  if (!parsed.success) return null;

  // Values saved before deactivateMissing was left out may still have it set.
  const mapping = { ...parsed.data, deactivateMissing: false };
  const known = new Set(headers);
  const columns = [
    ...mappedFields(mapping).map((field) => mapping.columns[field] ?? ""),
    ...mappedDeviceColumns(mapping).map((device) => device.column),
    ...(mapping.filter ? [mapping.filter.column] : []),
  ];
  if (!columns.every((column) => known.has(column))) return null;

  const savedHeaders = savedHeadersSchema.safeParse(setting?.value).data?.headers ?? columns;
  const previous = new Set(savedHeaders);
  const unmappedHeaders = headers.filter((header) => !previous.has(header));

  return { mapping, unmappedHeaders };
}
