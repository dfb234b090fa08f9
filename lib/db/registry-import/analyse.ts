// Reads, maps and checks a registry file against the stored customers and devices. The preview
// shows the result, and the commit recomputes it inside its transaction.
import type { CsvReadOptions } from "@/lib/imports/csv";
import { type ImportTable, readImportTable } from "@/lib/imports/import-table";
import { deviceKey, type RegistryDevice } from "@/lib/imports/registry-checks";
import {
  compareRegistryRows,
  type RegistryComparison,
  type StoredRegistryValues,
} from "@/lib/imports/registry-compare";
import { REGISTRY_FIELDS, type RegistryMapping } from "@/lib/imports/registry-mapping";
import {
  mapRegistryRows,
  type MappedRegistry,
  type RegistryRow,
  type RejectedRow,
} from "@/lib/imports/registry-rows";

import type { Db, Tx } from "../client";
import { columnList } from "./sql";

export interface RegistryImportInput {
  fileName: string;
  bytes: Uint8Array;
  mapping: RegistryMapping;
  read?: CsvReadOptions;
}

export type ImportedDevice = RegistryDevice & { code: string };

export interface RegistryAnalysis {
  table: ImportTable;
  mapped: MappedRegistry;
  comparison: RegistryComparison;
  // Devices of the valid rows that are not stored yet.
  newDevices: ImportedDevice[];
  // Active customers missing from the file, listed whether or not the mapping sets deactivateMissing to mark them
  // inactive.
  missing: MissingCustomer[];
}

export interface MissingCustomer {
  code: string;
  name: string;
}

export type ParsedRegistry = Pick<RegistryAnalysis, "table" | "mapped">;

/** Parses the file and maps its rows, without reading the database. */
export async function readRegistryFile(input: RegistryImportInput): Promise<ParsedRegistry> {
  const table = await readImportTable(input.bytes, input.read);

  return { table, mapped: mapRegistryRows(table, input.mapping) };
}

/**
 * Compares the mapped rows with the database, read through `db` (the transaction, in the commit).
 * Rows naming a device registered on another customer move to the rejected rows.
 */
export async function analyseRegistry(
  db: Db | Tx,
  parsed: ParsedRegistry,
): Promise<RegistryAnalysis> {
  const { table, mapped } = parsed;
  const newDevices = await rejectDeviceConflicts(db, mapped);
  const stored = await loadStoredRegistry(db, mapped.rows);
  const comparison = compareRegistryRows(mapped.rows, stored, mapped.fields);
  const missing = await loadMissingCustomers(db, mapped.codesInFile);

  return { table, mapped, comparison, newDevices, missing };
}

// Moves the rows with a device stored for another customer to `mapped.rejected`. Returns the
// devices of the remaining rows that are not stored yet.
async function rejectDeviceConflicts(
  db: Db | Tx,
  mapped: MappedRegistry,
): Promise<ImportedDevice[]> {
  const devices = mapped.rows.flatMap((row) => row.devices);
  if (devices.length === 0) return [];

  const kinds = devices.map((device) => device.kind);
  const remoteIds = devices.map((device) => device.remoteId);
  const owners = await db.$queryRaw<{ kind: string; remoteId: string; code: string }[]>`
    SELECT d."kind"::text AS "kind", d."remoteId", c."code"
    FROM "Device" d
    JOIN "Customer" c ON c."id" = d."customerId"
    JOIN unnest(${kinds}::text[], ${remoteIds}::text[]) AS wanted("kind", "remoteId")
      ON wanted."kind" = d."kind"::text AND wanted."remoteId" = d."remoteId"`;
  const ownerOf = new Map(owners.map((owner) => [`${owner.kind}:${owner.remoteId}`, owner.code]));

  const conflictFreeRows: RegistryRow[] = [];
  const newDevices: ImportedDevice[] = [];
  const conflicts: RejectedRow[] = [];
  for (const row of mapped.rows) {
    const conflict = row.devices.find((device) => {
      const owner = ownerOf.get(deviceKey(device));

      return owner !== undefined && owner !== row.values.code;
    });
    if (conflict) {
      const customerCode = ownerOf.get(deviceKey(conflict)) ?? "";
      conflicts.push({
        line: row.line,
        code: row.values.code,
        name: row.values.name,
        reason: { kind: "deviceConflict", remoteId: conflict.remoteId, customerCode },
      });
      continue;
    }

    conflictFreeRows.push(row);
    for (const device of row.devices) {
      if (!ownerOf.has(deviceKey(device))) newDevices.push({ ...device, code: row.values.code });
    }
  }

  mapped.rows = conflictFreeRows;
  mapped.rejected = [...mapped.rejected, ...conflicts].sort((a, b) => a.line - b.line);

  return newDevices;
}

async function loadStoredRegistry(
  db: Db | Tx,
  rows: RegistryRow[],
): Promise<Map<string, StoredRegistryValues>> {
  const codes = rows.map((row) => row.values.code);
  const stored = await db.$queryRaw<StoredRegistryValues[]>`
    SELECT ${columnList(REGISTRY_FIELDS)} FROM "Customer" WHERE "code" = ANY(${codes}::text[])`;

  return new Map(stored.map((customer) => [customer.code as string, customer]));
}

async function loadMissingCustomers(
  db: Db | Tx,
  codesInFile: Set<string>,
): Promise<MissingCustomer[]> {
  // An anti-join rather than NOT (code = ANY(...)), which compares every stored code with every
  // code of the file.
  return db.$queryRaw<MissingCustomer[]>`
    SELECT c."code", c."name" FROM "Customer" c
    WHERE c."active" AND NOT EXISTS (
      SELECT 1 FROM unnest(${[...codesInFile]}::text[]) AS file("code") WHERE file."code" = c."code"
    )
    ORDER BY c."code"`;
}
