// Bulk writes of a registry commit. Each statement passes one array parameter per column, unnested
// into rows on the server: one statement per batch whatever its size, and no limit on bind
// parameters.
import type { RegistryField } from "@/lib/imports/registry-mapping";
import type { RegistryRow } from "@/lib/imports/registry-rows";

import type { Tx } from "../client";
import { Prisma } from "../generated/client";
import { createId } from "../ids";
import type { ImportedDevice } from "./analyse";
import { columnList } from "./sql";

function fieldArrays(fields: RegistryField[], rows: RegistryRow[]): Prisma.Sql {
  return Prisma.join(
    fields.map((field) => {
      const values = rows.map((row) => row.values[field] ?? null);

      return Prisma.sql`${values}::text[]`;
    }),
  );
}

/** Inserts the rows whose code is not stored and returns how many were inserted. */
export async function insertNewCustomers(
  tx: Tx,
  fields: RegistryField[],
  rows: RegistryRow[],
): Promise<number> {
  const ids = rows.map(() => createId());

  return tx.$executeRaw`
    INSERT INTO "Customer" ("id", ${columnList(fields)}, "updatedAt")
    SELECT "id", ${columnList(fields)}, now()
    FROM unnest(${ids}::text[], ${fieldArrays(fields, rows)}) AS imported("id", ${columnList(fields)})
    ON CONFLICT ("code") DO NOTHING`;
}

/**
 * Updates the mapped fields of stored customers whose values differ, and returns how many changed.
 * Rows inserted just before compare equal here, so the count is of existing customers only.
 */
export async function updateChangedCustomers(
  tx: Tx,
  fields: RegistryField[],
  rows: RegistryRow[],
): Promise<number> {
  const updatable = fields.filter((field) => field !== "code");
  const assignments = Prisma.join(
    updatable.map((field) => Prisma.raw(`"${field}" = imported."${field}"`)),
  );

  return tx.$executeRaw`
    UPDATE "Customer" AS stored
    SET ${assignments}, "updatedAt" = now()
    FROM unnest(${fieldArrays(fields, rows)}) AS imported(${columnList(fields)})
    WHERE stored."code" = imported."code"
      AND ROW(${columnList(updatable, "stored")}) IS DISTINCT FROM ROW(${columnList(updatable, "imported")})`;
}

/**
 * Registers `devices` on the customers of their codes. A device another request registered since
 * the analysis fails the unique index, which rolls the whole import back.
 */
export async function insertDevices(tx: Tx, devices: ImportedDevice[]): Promise<number> {
  if (devices.length === 0) return 0;

  return tx.$executeRaw`
    INSERT INTO "Device" ("id", "customerId", "kind", "remoteId")
    SELECT imported."id", c."id", imported."kind"::"DeviceKind", imported."remoteId"
    FROM unnest(
      ${devices.map(() => createId())}::text[],
      ${devices.map((device) => device.code)}::text[],
      ${devices.map((device) => device.kind)}::text[],
      ${devices.map((device) => device.remoteId)}::text[]
    ) AS imported("id", "code", "kind", "remoteId")
    JOIN "Customer" c ON c."code" = imported."code"`;
}

/** Marks the active customers with these codes inactive and returns how many changed. */
export async function deactivateCustomers(tx: Tx, codes: string[]): Promise<number> {
  if (codes.length === 0) return 0;

  return tx.$executeRaw`
    UPDATE "Customer" SET "active" = false, "updatedAt" = now()
    WHERE "active" AND "code" = ANY(${codes}::text[])`;
}
