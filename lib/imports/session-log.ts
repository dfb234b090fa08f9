// Reads an uploaded file of finished sessions: TeamViewer's Connections_incoming.txt or a CSV file
// with a column mapping, in any encoding that decodeText detects.
import { AppError } from "@/lib/errors";

import { type CsvTable, type Delimiter, readCsvTable } from "./csv";
import {
  type RequestedSessionLogFormat,
  type SessionCsvMapping,
  type SessionLogFormat,
} from "./session-csv-mapping";
import { mapSessionCsvRows } from "./session-csv-rows";
import {
  checkSessionValues,
  type ImportedSession,
  type RejectedSessionRow,
  rejectRepeatedCodes,
} from "./session-rows";
import { parseTeamViewerLog, parseUtcTimestamp, type TeamViewerConnection } from "./teamviewer-log";
import { decodeText, type DecodedText, type TextEncoding } from "./text-encoding";

export interface SessionLog {
  format: SessionLogFormat;
  encoding: TextEncoding;
  // The CSV delimiter, null for a TeamViewer log.
  delimiter: Delimiter | null;
  // Data rows in the file, blank lines and the CSV header excluded.
  rowCount: number;
  // Valid rows in file order, each code once.
  sessions: ImportedSession[];
  // Rejected rows in line order.
  rejected: RejectedSessionRow[];
}

// Messages of the shared CSV reader that name the customer registry, and their session wording.
const SESSION_MESSAGE_KEYS: Record<string, string> = {
  "imports.fileEmpty": "sessionImport.fileEmpty",
  "imports.notCsv": "sessionImport.notText",
  "imports.noRows": "sessionImport.noRows",
  "imports.fileMissing": "sessionImport.fileMissing",
  "imports.fileTooLarge": "sessionImport.fileTooLarge",
};

/** Returns `error` with the session import's message when the shared readers raised it. */
export function withSessionMessages(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;

  const messageKey = SESSION_MESSAGE_KEYS[error.messageKey];
  if (!messageKey) return error;

  return new AppError(error.code, messageKey, { values: error.values, cause: error });
}

/**
 * Decodes the file, or throws a VALIDATION AppError for an empty file or one of blank lines
 * (`sessionImport.fileEmpty`) and an UNSUPPORTED_FILE one for binary data (`sessionImport.notText`).
 */
export function decodeSessionLog(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new AppError("VALIDATION", "sessionImport.fileEmpty");

  const decoded = decodeText(bytes);
  if (decoded === null) throw new AppError("UNSUPPORTED_FILE", "sessionImport.notText");
  if (decoded.text.trim() === "") throw new AppError("VALIDATION", "sessionImport.fileEmpty");

  return decoded;
}

// Enough lines that one damaged line cannot decide the format, few enough to read at once.
const DETECT_LINES = 20;

/**
 * Returns "teamviewer" when most of the first DETECT_LINES non-blank lines are tab-separated with
 * a TeamViewer timestamp (dd-MM-yyyy HH:mm:ss) in the third field, as every line of
 * Connections_incoming.txt has, and "csv" otherwise. A majority rather than the first line
 * decides, so a log whose first line is damaged is still read as a log.
 */
export function detectSessionLogFormat(text: string): SessionLogFormat {
  const lines = text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== "")
    .slice(0, DETECT_LINES);
  const logLines = lines.filter(isTeamViewerLine).length;

  return logLines > 0 && logLines * 2 > lines.length ? "teamviewer" : "csv";
}

function isTeamViewerLine(line: string): boolean {
  const fields = line.split("\t").map((field) => field.trim());

  return fields.length >= 7 && parseUtcTimestamp(fields[2]) !== null;
}

/** Resolves "auto" to the detected format. */
export function resolveFormat(
  text: string,
  requested: RequestedSessionLogFormat,
): SessionLogFormat {
  return requested === "auto" ? detectSessionLogFormat(text) : requested;
}

/**
 * Reads every row of the file. A CSV file needs `mapping`, and a missing one raises a VALIDATION
 * AppError (`sessionImport.mappingMissing`). Whole-file problems raise AppErrors, row problems
 * become rejections.
 */
export function readSessionLog(
  bytes: Uint8Array,
  options: { format: RequestedSessionLogFormat; mapping: SessionCsvMapping | null },
): SessionLog {
  const decoded = decodeSessionLog(bytes);
  const format = resolveFormat(decoded.text, options.format);

  if (format === "teamviewer") return readTeamViewer(bytes, decoded);
  if (!options.mapping) throw new AppError("VALIDATION", "sessionImport.mappingMissing");

  const table = readSessionCsvTable(decoded);
  const mapped = mapSessionCsvRows(table, options.mapping);

  return finish({
    format,
    encoding: decoded.encoding,
    delimiter: table.delimiter,
    rowCount: table.records.length,
    sessions: mapped.sessions,
    rejected: mapped.rejected,
  });
}

/** Splits a decoded CSV file into header and records, with the session import's messages. */
export function readSessionCsvTable(decoded: DecodedText): CsvTable {
  try {
    return readCsvTable(decoded.text, decoded.encoding);
  } catch (error) {
    throw withSessionMessages(error);
  }
}

function readTeamViewer(bytes: Uint8Array, decoded: DecodedText): SessionLog {
  const log = parseTeamViewerLog(bytes);
  const sessions: ImportedSession[] = [];
  const rejected: RejectedSessionRow[] = log.errors.map((error) => ({ ...error, code: null }));

  for (const connection of log.rows) {
    const session = fromConnection(connection);
    const rejection = checkSessionValues(session);
    if (rejection) rejected.push(rejection);
    else sessions.push(session);
  }

  return finish({
    format: "teamviewer",
    encoding: decoded.encoding,
    delimiter: null,
    rowCount: log.rows.length + log.errors.length,
    sessions,
    rejected,
  });
}

// The partner ID and display name describe the remote computer, which the ID associates with a
// customer's registered device. The local Windows user is the account on the computer that wrote
// the log, so it is recorded as the operator.
function fromConnection(connection: TeamViewerConnection): ImportedSession {
  return {
    line: connection.line,
    code: connection.code,
    derivedCode: connection.guid === null,
    remoteDeviceId: connection.partnerId,
    customerCode: null,
    operatorName: connection.localUser || null,
    connectionType: connection.connectionType,
    notes: connection.partnerName || null,
    startedAt: connection.startedAt,
    endedAt: connection.endedAt,
    seconds: connection.seconds,
  };
}

function finish(log: SessionLog): SessionLog {
  const { sessions, rejected } = rejectRepeatedCodes(log.sessions);
  const allRejected = [...log.rejected, ...rejected].sort((a, b) => a.line - b.line);

  return { ...log, sessions, rejected: allRejected };
}
