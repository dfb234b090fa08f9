// Reads CSV exports of ERP systems: UTF-8 or UTF-16 (with or without BOM), or Windows-1252
// text, separated by commas, semicolons or tabs. A problem with the whole file raises an AppError.
// A problem with one row is left to the caller, which rejects that row.
import Papa from "papaparse";

import { AppError } from "@/lib/errors";
import { formatInteger } from "@/lib/i18n/format";

import { MAX_IMPORT_ROWS } from "./limits";
import { decodeAs, decodeText, type TextEncoding } from "./text-encoding";

export const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export type { TextEncoding };

export interface CsvRecord {
  // 1-based line of the file where the record starts. The header is line 1 unless blank lines
  // precede it.
  line: number;
  cells: string[];
  // Indexes of cells whose value could not be read, such as an .xlsx formula without a cached
  // result. Absent when every cell was read.
  invalidCells?: number[];
}

export interface CsvTable {
  encoding: TextEncoding;
  delimiter: Delimiter;
  headers: string[];
  records: CsvRecord[];
}

/**
 * Decodes the bytes of an uploaded file (see decodeText for the detected encodings) without the
 * byte order mark. Rejects an empty file and binary content such as images or zip archives.
 */
export function decodeCsvText(
  bytes: Uint8Array,
  encoding: TextEncoding | null = null,
): { text: string; encoding: TextEncoding } {
  const decoded = encoding ? decodeAs(bytes, encoding) : decodeText(bytes);
  if (decoded === null) throw new AppError("UNSUPPORTED_FILE", "imports.notCsv");
  if (decoded.text.trim() === "") throw new AppError("VALIDATION", "imports.fileEmpty");

  return { text: decoded.text, encoding: decoded.encoding };
}

/**
 * Returns the delimiter that occurs most often outside quotes in the first non-blank line, so a
 * header such as `"Rossi, Bianchi & C.";P.IVA` is still read as semicolon-separated. A header
 * without any delimiter is a single column, read with a comma.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  let seenContent = false;

  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (quoted) continue;
    if (char === "\n" || char === "\r") {
      if (seenContent) break;
      continue;
    }
    seenContent = true;
    if (counts.has(char as Delimiter)) {
      counts.set(char as Delimiter, (counts.get(char as Delimiter) ?? 0) + 1);
    }
  }

  let best: Delimiter = ",";
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }

  return best;
}

/** Splits `text` into records with the line each starts on, skipping lines with no content. */
export function readRecords(text: string, delimiter: Delimiter): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let start = 0;

  Papa.parse<string[]>(text, {
    delimiter,
    step: (result) => {
      const quoteError = result.errors.find((error) => error.type === "Quotes");
      if (quoteError) {
        throw new AppError("VALIDATION", "imports.malformedQuotes", { values: { line } });
      }

      const cells = result.data;
      if (cells.some((cell) => cell.trim() !== "")) records.push({ line, cells });

      const end = result.meta.cursor;
      line += countLineBreaks(text, start, end, result.meta.linebreak);
      start = end;
    },
  });

  return records;
}

function countLineBreaks(text: string, start: number, end: number, linebreak: string): number {
  const marker = linebreak === "\r" ? "\r" : "\n";
  let count = 0;
  for (let index = text.indexOf(marker, start); index !== -1 && index < end;) {
    count += 1;
    index = text.indexOf(marker, index + 1);
  }

  return count;
}

/**
 * Trims the header's column names and rejects blank or repeated ones, which a mapping could not
 * tell apart. Blank names after the last named column come from a trailing delimiter and are
 * dropped.
 */
export function readHeader(cells: string[]): string[] {
  const names = cells.map((cell) => cell.trim());
  while (names.length > 0 && names[names.length - 1] === "") names.pop();

  const seen = new Set<string>();
  names.forEach((name, index) => {
    if (name === "") {
      throw new AppError("VALIDATION", "imports.blankColumn", { values: { position: index + 1 } });
    }
    if (seen.has(name)) {
      throw new AppError("VALIDATION", "imports.duplicateColumn", { values: { column: name } });
    }
    seen.add(name);
  });

  return names;
}

// Encoding and delimiter the user chose instead of the detected ones. Null means "detect".
export interface CsvReadOptions {
  encoding?: TextEncoding | null;
  delimiter?: Delimiter | null;
}

/** Parses an uploaded CSV file into its header and records, and rejects a file without records. */
export function parseCsv(bytes: Uint8Array, options: CsvReadOptions = {}): CsvTable {
  const { text, encoding } = decodeCsvText(bytes, options.encoding ?? null);

  return readCsvTable(text, encoding, options.delimiter ?? null);
}

/** Splits decoded CSV text into its header and records, and rejects text without records. */
export function readCsvTable(
  text: string,
  encoding: TextEncoding,
  chosenDelimiter: Delimiter | null = null,
): CsvTable {
  const delimiter = chosenDelimiter ?? detectDelimiter(text);
  const [header, ...records] = readRecords(text, delimiter);

  if (!header) throw new AppError("VALIDATION", "imports.fileEmpty");
  const headers = readHeader(header.cells);
  if (headers.length === 0) throw new AppError("VALIDATION", "imports.fileEmpty");
  if (records.length === 0) throw new AppError("VALIDATION", "imports.noRows");
  if (records.length > MAX_IMPORT_ROWS) {
    throw new AppError("PAYLOAD_TOO_LARGE", "imports.tooManyRows", {
      values: { rows: formatInteger(records.length), max: formatInteger(MAX_IMPORT_ROWS) },
    });
  }

  return { encoding, delimiter, headers, records };
}

/** Returns the trimmed cell, or null when the record has no such cell or it is blank. */
export function cellValue(cells: string[], index: number): string | null {
  const value = cells[index]?.trim() ?? "";

  return value === "" ? null : value;
}

/**
 * Returns the expected and found number of cells when a record does not have one per column.
 * Extra cells are tolerated when empty, because some exports end every row with a delimiter.
 */
export function fieldCountMismatch(
  cells: string[],
  expected: number,
): { expected: number; found: number } | null {
  const extraFilled = cells.slice(expected).some((cell) => cell.trim() !== "");
  if (cells.length < expected || extraFilled) return { expected, found: cells.length };

  return null;
}
