import type { Delimiter } from "./csv";
import type { RequestedSessionLogFormat, SessionLogFormat } from "./session-csv-mapping";
import {
  decodeSessionLog,
  readSessionCsvTable,
  readSessionLog,
  resolveFormat,
} from "./session-log";
import type { TextEncoding } from "./text-encoding";

// Records shown under the header so the administrator can recognise each column's content.
const SAMPLE_ROWS = 5;

export interface SessionLogInspection {
  format: SessionLogFormat;
  // The format found in the content, which the administrator may override.
  detectedFormat: SessionLogFormat;
  encoding: TextEncoding;
  delimiter: Delimiter | null;
  rowCount: number;
  // CSV only: the columns to map and the first records. Empty for a TeamViewer log.
  headers: string[];
  sampleRows: string[][];
}

/**
 * Returns what the upload step shows before the preview: the format, encoding, row count and,
 * for a CSV file, its columns and first rows.
 */
export function inspectSessionLog(
  bytes: Uint8Array,
  requested: RequestedSessionLogFormat,
): SessionLogInspection {
  const decoded = decodeSessionLog(bytes);
  const detectedFormat = resolveFormat(decoded.text, "auto");
  const format = requested === "auto" ? detectedFormat : requested;

  if (format === "teamviewer") {
    const log = readSessionLog(bytes, { format, mapping: null });

    return {
      format,
      detectedFormat,
      encoding: log.encoding,
      delimiter: null,
      rowCount: log.rowCount,
      headers: [],
      sampleRows: [],
    };
  }

  const table = readSessionCsvTable(decoded);

  return {
    format,
    detectedFormat,
    encoding: table.encoding,
    delimiter: table.delimiter,
    rowCount: table.records.length,
    headers: table.headers,
    sampleRows: table.records
      .slice(0, SAMPLE_ROWS)
      .map((record) => record.cells.slice(0, table.headers.length)),
  };
}
