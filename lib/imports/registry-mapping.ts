// Column mapping of a registry import: the CSV column for each customer field, and the optional
// row filter. The route handlers validate requests with these schemas.
import { z } from "zod";

import type { DeviceKind } from "@/lib/domain/device-id";
import { AppError, type FieldIssue } from "@/lib/errors";

import { jsonFieldSchema, optionalColumn, requiredColumn } from "./column-schema";

// Customer fields an import can set, in form order. Balances, billing mode and notes are never
// imported: they belong to this application, not to the ERP.
export const REGISTRY_FIELDS = [
  "code",
  "name",
  "vatNumber",
  "taxCode",
  "address",
  "postalCode",
  "city",
  "province",
  "email",
  "phone",
] as const;

export type RegistryField = (typeof REGISTRY_FIELDS)[number];
export type OptionalRegistryField = Exclude<RegistryField, "code" | "name">;

export const OPTIONAL_REGISTRY_FIELDS = REGISTRY_FIELDS.filter(
  (field): field is OptionalRegistryField => field !== "code" && field !== "name",
);

// Kinds of remote-control device whose IDs a registry file may carry, one column each.
export const REGISTRY_DEVICE_KINDS = [
  "TEAMVIEWER",
  "ANYDESK",
] as const satisfies readonly DeviceKind[];
export type RegistryDeviceKind = (typeof REGISTRY_DEVICE_KINDS)[number];

export const registryMappingSchema = z.object({
  columns: z.object({
    code: requiredColumn("imports.codeColumnRequired"),
    name: requiredColumn("imports.nameColumnRequired"),
    vatNumber: optionalColumn,
    taxCode: optionalColumn,
    address: optionalColumn,
    postalCode: optionalColumn,
    city: optionalColumn,
    province: optionalColumn,
    email: optionalColumn,
    phone: optionalColumn,
  } satisfies Record<RegistryField, z.ZodType>),
  filter: z
    .object({
      column: requiredColumn("imports.filterColumnRequired"),
      // Compared with the trimmed cell, so surrounding spaces in the form do not matter.
      value: requiredColumn("imports.filterValueRequired"),
    })
    .nullish()
    .transform((filter) => filter ?? null),
  // Columns of device IDs, registered on the row's customer.
  devices: z
    .object({ TEAMVIEWER: optionalColumn, ANYDESK: optionalColumn })
    .nullish()
    .transform((devices) => devices ?? { TEAMVIEWER: null, ANYDESK: null }),
  // Whether the file is a full export, so active customers whose code is not in it are marked
  // inactive. They are never deleted.
  deactivateMissing: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
});

export type RegistryMapping = z.output<typeof registryMappingSchema>;

/**
 * Parses the mapping as sent in a multipart form field: a JSON string. Invalid JSON is reported
 * like any other invalid mapping.
 */
export const registryMappingFieldSchema = jsonFieldSchema(
  registryMappingSchema,
  "imports.mappingMissing",
);

/** Returns the fields that `mapping` assigns a column to, in form order. */
export function mappedFields(mapping: RegistryMapping): RegistryField[] {
  return REGISTRY_FIELDS.filter((field) => mapping.columns[field]);
}

/** Returns the device kinds that `mapping` assigns a column to, with the column. */
export function mappedDeviceColumns(
  mapping: RegistryMapping,
): { kind: RegistryDeviceKind; column: string }[] {
  return REGISTRY_DEVICE_KINDS.flatMap((kind) => {
    const column = mapping.devices[kind];

    return column ? [{ kind, column }] : [];
  });
}

/** Raises a VALIDATION error naming every mapped or filter column that is not in `headers`. */
export function assertColumnsExist(mapping: RegistryMapping, headers: string[]): void {
  const known = new Set(headers);
  const issues: FieldIssue[] = [];

  for (const field of mappedFields(mapping)) {
    const column = mapping.columns[field];
    if (column && !known.has(column)) {
      issues.push({
        field: `columns.${field}`,
        message: "imports.unknownColumn",
        values: { column },
      });
    }
  }
  for (const { kind, column } of mappedDeviceColumns(mapping)) {
    if (!known.has(column)) {
      issues.push({
        field: `devices.${kind}`,
        message: "imports.unknownColumn",
        values: { column },
      });
    }
  }
  if (mapping.filter && !known.has(mapping.filter.column)) {
    const column = mapping.filter.column;
    issues.push({ field: "filter.column", message: "imports.unknownColumn", values: { column } });
  }

  if (issues.length > 0) {
    throw new AppError("VALIDATION", "imports.unknownColumn", {
      values: issues[0].values,
      fields: issues,
    });
  }
}
