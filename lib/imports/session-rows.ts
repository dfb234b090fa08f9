// The rows a session import reads from a file, whatever its format, and the checks every row
// passes before the database is consulted.
import { createHash } from "node:crypto";

import { MAX_SESSION_SECONDS } from "@/lib/domain/session-time";

import { MAX_CODE_LENGTH, MAX_FIELD_LENGTH } from "./limits";

/** One finished session read from a log or CSV file. */
export interface ImportedSession {
  // 1-based line of the file where the row starts.
  line: number;
  code: string;
  // True when the file gave no code, so `code` was derived from the row's values.
  derivedCode: boolean;
  remoteDeviceId: string | null;
  customerCode: string | null;
  operatorName: string | null;
  connectionType: string | null;
  notes: string | null;
  startedAt: Date;
  endedAt: Date;
  seconds: number;
}

/** A row that is not imported, with the reason as a message key under `errors.`. */
export interface RejectedSessionRow {
  line: number;
  code: string | null;
  messageKey: string;
  // Placeholders of the message, always including `line`.
  values: Record<string, string | number>;
}

/** Builds a rejection of `line` with the message key and its values. */
export function rejectRow(
  line: number,
  code: string | null,
  messageKey: string,
  values: Record<string, string | number> = {},
): RejectedSessionRow {
  return { line, code, messageKey, values: { line, ...values } };
}

/**
 * Returns the code of a session row that has none, stable across imports of the same file. The
 * code is `imp-` and the first 32 hex digits (128 bits) of the SHA-256 of device ID, customer
 * code, start and end (ISO 8601 UTC), joined by tabs. Operator, type and notes are left out, so
 * mapping one more column on a second import does not change the codes of rows already imported.
 */
export function derivedSessionCode(row: {
  remoteDeviceId: string | null;
  customerCode: string | null;
  startedAt: Date;
  endedAt: Date;
}): string {
  const input = [
    row.remoteDeviceId ?? "",
    row.customerCode ?? "",
    row.startedAt.toISOString(),
    row.endedAt.toISOString(),
  ].join("\t");

  return `imp-${createHash("sha256").update(input, "utf8").digest("hex").slice(0, 32)}`;
}

// Characters of an over-long value quoted in its rejection, enough to recognise the column.
const QUOTED_PREFIX = 24;

/**
 * Returns the rejection of a row whose values the database could not store, or null. Codes and
 * identifiers over the import limits usually mean that the wrong column was mapped.
 */
export function checkSessionValues(session: ImportedSession): RejectedSessionRow | null {
  const limits = [
    ["code", MAX_CODE_LENGTH],
    ["customerCode", MAX_CODE_LENGTH],
    ["remoteDeviceId", MAX_FIELD_LENGTH],
    ["operatorName", MAX_FIELD_LENGTH],
    ["connectionType", MAX_FIELD_LENGTH],
  ] as const;

  for (const [field, max] of limits) {
    const value = session[field];
    if (value !== null && value.length > max) {
      const prefix = `${value.slice(0, QUOTED_PREFIX)}…`;

      return rejectRow(session.line, null, "sessionImport.tooLong", { value: prefix, max });
    }
  }
  if (session.seconds > MAX_SESSION_SECONDS) {
    return rejectRow(session.line, session.code, "sessionImport.sessionTooLong", {
      maxHours: MAX_SESSION_SECONDS / 3600,
    });
  }

  return null;
}

/**
 * Keeps the first row of each code and rejects every later one with the line of the first,
 * because the same session listed twice must be charged once.
 */
export function rejectRepeatedCodes(sessions: ImportedSession[]): {
  sessions: ImportedSession[];
  rejected: RejectedSessionRow[];
} {
  const firstLineOfCode = new Map<string, number>();
  const uniqueSessions: ImportedSession[] = [];
  const rejected: RejectedSessionRow[] = [];

  for (const session of sessions) {
    const firstLine = firstLineOfCode.get(session.code);
    if (firstLine === undefined) {
      firstLineOfCode.set(session.code, session.line);
      uniqueSessions.push(session);
    } else {
      rejected.push(
        rejectRow(session.line, session.code, "sessionImport.repeatedCode", {
          code: session.code,
          firstLine,
        }),
      );
    }
  }

  return { sessions: uniqueSessions, rejected };
}
