import type { RegistryField } from "@/lib/imports/registry-mapping";

import { Prisma } from "../generated/client";

// Column names come from REGISTRY_FIELDS, never from the request, so quoting them here is safe.
export function columnList(fields: readonly RegistryField[], table?: string): Prisma.Sql {
  const prefix = table ? `${table}.` : "";

  return Prisma.join(fields.map((field) => Prisma.raw(`${prefix}"${field}"`)));
}
