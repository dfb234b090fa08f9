// The column mapping of the last committed registry import, offered again when a file has the
// columns it names, so a monthly ERP export needs mapping only once.
import {
  mappedDeviceColumns,
  mappedFields,
  type RegistryMapping,
  registryMappingSchema,
} from "@/lib/imports/registry-mapping";

import type { Db, Tx } from "../client";

export const SAVED_MAPPING_SETTING = "registryImport.mapping";

/**
 * Stores `mapping` as the one to offer next time, in the commit's transaction. deactivateMissing
 * is left out because it applies to one import only: remembered, it would make the next file,
 * even a one-row one, mark every other customer inactive.
 */
export async function saveRegistryMapping(tx: Tx, mapping: RegistryMapping): Promise<void> {
  const value = {
    columns: mapping.columns,
    filter: mapping.filter,
    devices: mapping.devices,
  };
  await tx.setting.upsert({
    where: { key: SAVED_MAPPING_SETTING },
    create: { key: SAVED_MAPPING_SETTING, value },
    update: { value },
  });
}

/**
 * Returns the saved mapping when every column it names is among `headers`, otherwise null. A
 * stored value that no longer parses (an older shape) is ignored. deactivateMissing is always
 * false, so the user ticks it again for each import.
 */
export async function findSavedRegistryMapping(
  db: Db,
  headers: string[],
): Promise<RegistryMapping | null> {
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

  return columns.every((column) => known.has(column)) ? mapping : null;
}
