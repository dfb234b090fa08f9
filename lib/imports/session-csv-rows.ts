// Turns the records of a session CSV into sessions according to a mapping. Each record becomes a
// session or a rejection with its line and reason. Nothing here reads the database.
import { normalizeSessionCode } from "@/lib/domain/session-code";

import { cellValue, type CsvRecord, type CsvTable, fieldCountMismatch } from "./csv";
import {
  assertSessionColumnsExist,
  SESSION_CSV_FIELDS,
  type SessionCsvField,
  type SessionCsvMapping,
} from "./session-csv-mapping";
import {
  checkSessionValues,
  derivedSessionCode,
  type ImportedSession,
  rejectRow,
  type RejectedSessionRow,
} from "./session-rows";
import { parseDurationSeconds, parseSessionTimestamp } from "./session-values";

export interface MappedSessionCsv {
  sessions: ImportedSession[];
  rejected: RejectedSessionRow[];
}

type Cells = Record<SessionCsvField, string | null>;

// The tools log whole seconds, so one second of difference between the end and the duration is
// rounding, not a disagreement (recordSession applies the same tolerance).
const DURATION_TOLERANCE_SECONDS = 1;

/** Applies `mapping` to every record of `table`, in file order. */
export function mapSessionCsvRows(table: CsvTable, mapping: SessionCsvMapping): MappedSessionCsv {
  assertSessionColumnsExist(mapping, table.headers);

  const indexOf = new Map(table.headers.map((header, index) => [header, index]));
  const sessions: ImportedSession[] = [];
  const rejected: RejectedSessionRow[] = [];

  for (const record of table.records) {
    const result = mapRecord(record, table.headers.length, (field) => {
      const column = mapping.columns[field];

      return column ? cellValue(record.cells, indexOf.get(column) ?? -1) : null;
    });
    if ("messageKey" in result) rejected.push(result);
    else sessions.push(result);
  }

  return { sessions, rejected };
}

function mapRecord(
  record: CsvRecord,
  columnCount: number,
  cell: (field: SessionCsvField) => string | null,
): ImportedSession | RejectedSessionRow {
  const { line } = record;
  const cells = Object.fromEntries(
    SESSION_CSV_FIELDS.map((field) => [field, cell(field)]),
  ) as Cells;

  const countMismatch = fieldCountMismatch(record.cells, columnCount);
  if (countMismatch) return rejectRow(line, cells.code, "sessionImport.fieldCount", countMismatch);

  const interval = readInterval(line, cells);
  if ("messageKey" in interval) return interval;

  const identity = {
    remoteDeviceId: cells.remoteDeviceId,
    customerCode: cells.customerCode,
    startedAt: interval.startedAt,
    endedAt: interval.endedAt,
  };
  const session: ImportedSession = {
    line,
    code: cells.code === null ? derivedSessionCode(identity) : normalizeSessionCode(cells.code),
    derivedCode: cells.code === null,
    ...identity,
    operatorName: cells.operatorName,
    connectionType: cells.connectionType,
    notes: cells.notes,
    seconds: interval.seconds,
  };

  return checkSessionValues(session) ?? session;
}

interface Interval {
  startedAt: Date;
  endedAt: Date;
  seconds: number;
}

// Reads start, end and duration, and checks that they describe one forward interval.
function readInterval(line: number, cells: Cells): Interval | RejectedSessionRow {
  const code = cells.code;
  if (cells.startedAt === null) return rejectRow(line, code, "sessionImport.startMissing");

  const starts = parseSessionTimestamp(cells.startedAt);
  if (starts === null) {
    return rejectRow(line, code, "sessionImport.invalidStart", { value: cells.startedAt });
  }
  if (starts.length === 0) {
    return rejectRow(line, code, "sessionImport.skippedLocalTime", { value: cells.startedAt });
  }
  // Of two wall-clock readings in the repeated autumn hour, the first is taken for the start.
  const startedAt = starts[0];

  const duration = readDuration(line, code, cells.durationSeconds);
  if (duration !== null && typeof duration !== "number") return duration;

  if (cells.endedAt === null) {
    if (duration === null) return rejectRow(line, code, "sessionImport.endMissing");

    return {
      startedAt,
      endedAt: new Date(startedAt.getTime() + duration * 1000),
      seconds: duration,
    };
  }

  const ends = parseSessionTimestamp(cells.endedAt);
  if (ends === null)
    return rejectRow(line, code, "sessionImport.invalidEnd", { value: cells.endedAt });
  if (ends.length === 0) {
    return rejectRow(line, code, "sessionImport.skippedLocalTime", { value: cells.endedAt });
  }
  // An end in the repeated autumn hour is the first reading not before the start, so a session
  // from 02:50 summer time to 02:10 winter time lasts 20 minutes.
  const endedAt = ends.find((instant) => instant >= startedAt) ?? ends[0];
  if (endedAt < startedAt) {
    return rejectRow(line, code, "sessionImport.endBeforeStart", {
      start: cells.startedAt,
      end: cells.endedAt,
    });
  }

  const seconds = Math.floor((endedAt.getTime() - startedAt.getTime()) / 1000);
  if (duration !== null && Math.abs(seconds - duration) > DURATION_TOLERANCE_SECONDS) {
    return rejectRow(line, code, "sessionImport.durationMismatch", {
      seconds: duration,
      between: seconds,
    });
  }

  return { startedAt, endedAt, seconds };
}

function readDuration(
  line: number,
  code: string | null,
  text: string | null,
): number | RejectedSessionRow | null {
  if (text === null) return null;

  const seconds = parseDurationSeconds(text);
  if (seconds === null)
    return rejectRow(line, code, "sessionImport.invalidDuration", { value: text });
  if (seconds < 0) return rejectRow(line, code, "sessionImport.negativeDuration", { value: text });

  return seconds;
}
