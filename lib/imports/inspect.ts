import type { CsvReadOptions } from "./csv";
import { type ImportTable, readImportTable } from "./import-table";

// Records shown under the header so the user can recognise each column's content.
const SAMPLE_ROWS = 5;

export interface CsvInspection {
  format: ImportTable["format"];
  encoding: ImportTable["encoding"];
  delimiter: ImportTable["delimiter"];
  headers: string[];
  rowCount: number;
  sampleRows: string[][];
}

/** Parses an uploaded CSV or .xlsx file and returns its columns, row count and first rows. */
export async function inspectCsv(
  bytes: Uint8Array,
  options: CsvReadOptions = {},
): Promise<CsvInspection> {
  const table = await readImportTable(bytes, options);

  return {
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    headers: table.headers,
    rowCount: table.records.length,
    sampleRows: table.records
      .slice(0, SAMPLE_ROWS)
      .map((record) => record.cells.slice(0, table.headers.length)),
  };
}
