// Column mapping of a session CSV import: the CSV column for each session field. The route
// handlers validate requests with these schemas.
import { z } from "zod";

import { AppError, type FieldIssue } from "@/lib/errors";

import { jsonFieldSchema, optionalColumn, requiredColumn } from "./column-schema";

// Session fields a CSV can fill, in form order. Only the start is required, plus the end or the
// duration. Without a code column, codes are derived from the row (see derivedSessionCode).
export const SESSION_CSV_FIELDS = [
  "code",
  "remoteDeviceId",
  "customerCode",
  "operatorName",
  "startedAt",
  "endedAt",
  "durationSeconds",
  "connectionType",
  "notes",
] as const;

export type SessionCsvField = (typeof SESSION_CSV_FIELDS)[number];

export const sessionCsvMappingSchema = z
  .object({
    columns: z.object({
      code: optionalColumn,
      remoteDeviceId: optionalColumn,
      customerCode: optionalColumn,
      operatorName: optionalColumn,
      startedAt: requiredColumn("sessionImport.startColumnRequired"),
      endedAt: optionalColumn,
      durationSeconds: optionalColumn,
      connectionType: optionalColumn,
      notes: optionalColumn,
    } satisfies Record<SessionCsvField, z.ZodType>),
  })
  .refine((mapping) => mapping.columns.endedAt || mapping.columns.durationSeconds, {
    message: "sessionImport.endColumnRequired",
    path: ["columns", "endedAt"],
  });

export type SessionCsvMapping = z.output<typeof sessionCsvMappingSchema>;

/** Parses the mapping as sent in a multipart form field: a JSON string. */
export const sessionCsvMappingFieldSchema = jsonFieldSchema(
  sessionCsvMappingSchema,
  "sessionImport.mappingMissing",
);

export const SESSION_LOG_FORMATS = ["teamviewer", "csv"] as const;
export type SessionLogFormat = (typeof SESSION_LOG_FORMATS)[number];

// The format the administrator chose, or "auto" to detect it from the content.
export const sessionLogFormatSchema = z
  .enum(["auto", ...SESSION_LOG_FORMATS], { error: "sessionImport.formatInvalid" })
  .nullish()
  .transform((format) => format ?? "auto");

export type RequestedSessionLogFormat = z.output<typeof sessionLogFormatSchema>;

/** Raises a VALIDATION error naming every mapped column that is not in `headers`. */
export function assertSessionColumnsExist(mapping: SessionCsvMapping, headers: string[]): void {
  const known = new Set(headers);
  const issues: FieldIssue[] = [];

  for (const field of SESSION_CSV_FIELDS) {
    const column = mapping.columns[field];
    if (column && !known.has(column)) {
      issues.push({
        field: `columns.${field}`,
        message: "imports.unknownColumn",
        values: { column },
      });
    }
  }

  if (issues.length > 0) {
    throw new AppError("VALIDATION", "imports.unknownColumn", {
      values: issues[0].values,
      fields: issues,
    });
  }
}
