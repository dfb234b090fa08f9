// Reads an uploaded registry file, CSV text or an .xlsx workbook, into one table shape, so the
// mapping and the checks do not depend on the format.
import { z } from "zod";

import { AppError } from "@/lib/errors";
import { formatInteger } from "@/lib/i18n/format";

import {
  type CsvReadOptions,
  type CsvRecord,
  DELIMITERS,
  type Delimiter,
  parseCsv,
  readHeader,
} from "./csv";
import { MAX_IMPORT_ROWS } from "./limits";
import { looksLikeZip, readSpreadsheet } from "./spreadsheet";
import { TEXT_ENCODINGS, type TextEncoding } from "./text-encoding";

export type ImportFileFormat = "csv" | "xlsx";

export interface ImportTable {
  format: ImportFileFormat;
  // Encoding and delimiter of a CSV file, detected or chosen; null for a workbook.
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  headers: string[];
  records: CsvRecord[];
}

// Form fields `encoding` and `delimiter`: "auto" (or absent) detects, a value overrides detection.
export const csvReadOptionsSchema = z
  .object({
    encoding: z.enum(["auto", ...TEXT_ENCODINGS], { error: "imports.encodingInvalid" }).nullish(),
    delimiter: z.enum(["auto", ...DELIMITERS], { error: "imports.delimiterInvalid" }).nullish(),
  })
  .transform((options): CsvReadOptions => ({
    encoding: options.encoding && options.encoding !== "auto" ? options.encoding : null,
    delimiter: options.delimiter && options.delimiter !== "auto" ? options.delimiter : null,
  }));

/** Reads the options from multipart form fields. */
export function readOptionsFromForm(form: FormData): CsvReadOptions {
  return csvReadOptionsSchema.parse({
    encoding: form.get("encoding") ?? undefined,
    delimiter: form.get("delimiter") ?? undefined,
  });
}

/**
 * Parses `bytes` as an .xlsx workbook when they are a zip archive, otherwise as CSV text with the
 * chosen or detected encoding and delimiter. Rejects a file without header or rows, and one with
 * more than MAX_IMPORT_ROWS rows.
 */
export async function readImportTable(
  bytes: Uint8Array,
  options: CsvReadOptions = {},
): Promise<ImportTable> {
  if (!looksLikeZip(bytes)) {
    const table = parseCsv(bytes, options);

    return { format: "csv", ...table };
  }

  const sheet = await readSpreadsheet(bytes);
  const headers = readHeader(sheet.headers);
  if (headers.length === 0) throw new AppError("VALIDATION", "imports.fileEmpty");
  if (sheet.records.length === 0) throw new AppError("VALIDATION", "imports.noRows");
  if (sheet.records.length > MAX_IMPORT_ROWS) {
    throw new AppError("PAYLOAD_TOO_LARGE", "imports.tooManyRows", {
      values: { rows: formatInteger(sheet.records.length), max: formatInteger(MAX_IMPORT_ROWS) },
    });
  }

  return { format: "xlsx", encoding: null, delimiter: null, headers, records: sheet.records };
}
