// Reads CSV exports of ERP systems: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252
// text, separated by commas, semicolons or tabs. A problem with the whole file raises an AppError.
// A problem with one row is left to the caller, which rejects that row.
import Papa from "papaparse";

import { AppError } from "@/lib/errors";

export const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface CsvRecord {
  // 1-based line of the file where the record starts. The header is line 1 unless blank lines
  // precede it.
  line: number;
  cells: string[];
}

export interface CsvTable {
  encoding: TextEncoding;
  delimiter: Delimiter;
  headers: string[];
  records: CsvRecord[];
}

// Share of control characters above which text is taken for binary data. Text exports contain
// none besides tab, line feed, carriage return and form feed.
const MAX_CONTROL_SHARE = 0.01;
const BINARY_SAMPLE_CHARS = 64 * 1024;

/**
 * Decodes the bytes of an uploaded file and removes the byte order mark. Rejects an empty file and
 * binary content such as images or zip archives. Text that is not valid UTF-8 is read as
 * Windows-1252, the usual encoding of Italian ERP exports that are not UTF-8.
 */
export function decodeCsvText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(bytes);
  const text = new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, "");

  if (text.trim() === "") throw new AppError("VALIDATION", "imports.fileEmpty");
  if (looksBinary(text)) throw new AppError("UNSUPPORTED_FILE", "imports.notCsv");

  return { text, encoding };
}

function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";

  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);

    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, BINARY_SAMPLE_CHARS);
  let controls = 0;

  for (let index = 0; index < sample.length; index += 1) {
    const code = sample.charCodeAt(index);
    if (code === 0) return true;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) {
      controls += 1;
    }
  }

  return controls > sample.length * MAX_CONTROL_SHARE;
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

/** Parses an uploaded CSV file into its header and records, and rejects a file without records. */
export function parseCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeCsvText(bytes);

  return readCsvTable(text, encoding);
}

/** Splits decoded CSV text into its header and records, and rejects text without records. */
export function readCsvTable(text: string, encoding: TextEncoding): CsvTable {
  const delimiter = detectDelimiter(text);
  const [header, ...records] = readRecords(text, delimiter);

  if (!header) throw new AppError("VALIDATION", "imports.fileEmpty");
  const headers = readHeader(header.cells);
  if (headers.length === 0) throw new AppError("VALIDATION", "imports.fileEmpty");
  if (records.length === 0) throw new AppError("VALIDATION", "imports.noRows");

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
