import { type Delimiter, parseCsv, type TextEncoding } from "./csv";

// Records shown under the header so the user can recognise each column's content.
const SAMPLE_ROWS = 5;

export interface CsvInspection {
  encoding: TextEncoding;
  delimiter: Delimiter;
  headers: string[];
  rowCount: number;
  sampleRows: string[][];
}

/** Parses an uploaded CSV file and returns its columns, row count and first rows. */
export function inspectCsv(bytes: Uint8Array): CsvInspection {
  const table = parseCsv(bytes);

  return {
    encoding: table.encoding,
    delimiter: table.delimiter,
    headers: table.headers,
    rowCount: table.records.length,
    sampleRows: table.records
      .slice(0, SAMPLE_ROWS)
      .map((record) => record.cells.slice(0, table.headers.length)),
  };
}
