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

/**
 * Inserts the rows whose code is not stored and updates the mapped fields of stored customers whose
 * values differ, in one statement, and returns how many were inserted and updated. An unchanged
 * customer is not written, so its `updatedAt` stays. `xmax = 0` holds only for a row version
 * this statement inserted, which distinguishes the two.
 */
export async function upsertCustomers(
  tx: Tx,
  fields: RegistryField[],
  rows: RegistryRow[],
): Promise<{ inserted: number; updated: number }> {
  const ids = rows.map(() => createId());
  const updatable = fields.filter((field) => field !== "code");
  const assignments = Prisma.join(
    updatable.map((field) => Prisma.raw(`"${field}" = excluded."${field}"`)),
  );

  const [result] = await tx.$queryRaw<{ inserted: number; updated: number }[]>`
    WITH written AS (
      INSERT INTO "Customer" AS stored ("id", ${columnList(fields)}, "updatedAt")
      SELECT "id", ${columnList(fields)}, now()
      FROM unnest(${ids}::text[], ${fieldArrays(fields, rows)}) AS imported("id", ${columnList(fields)})
      ON CONFLICT ("code") DO UPDATE SET ${assignments}, "updatedAt" = now()
      WHERE ROW(${columnList(updatable, "stored")}) IS DISTINCT FROM ROW(${columnList(updatable, "excluded")})
      RETURNING (xmax = 0) AS "inserted"
    )
    SELECT count(*) FILTER (WHERE "inserted")::int AS "inserted",
           count(*) FILTER (WHERE NOT "inserted")::int AS "updated"
    FROM written`;

  return result;
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
