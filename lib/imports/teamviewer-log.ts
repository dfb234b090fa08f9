// Parser for TeamViewer's incoming-connections log (Connections_incoming.txt). Each line is one
// connection as tab-separated values followed by a trailing tab:
//
//   partner ID, partner display name, start, end, local Windows user, connection type, GUID
//
// Times are UTC as dd-MM-yyyy HH:mm:ss, lines end in CRLF, the file usually starts with a blank
// line, and the GUID is empty for some connections.
import { createHash } from "node:crypto";

import { guidCode } from "@/lib/domain/session-code";
import { AppError } from "@/lib/errors";

import { decodeText, type TextEncoding } from "./text-encoding";

const FIELD_COUNT = 7;

export interface TeamViewerConnection {
  // 1-based line number in the file, as a text editor shows it.
  line: number;
  // Stable session code: the same connection gets the same code in every import.
  code: string;
  partnerId: string;
  partnerName: string;
  startedAt: Date;
  endedAt: Date;
  seconds: number;
  localUser: string;
  connectionType: string;
  guid: string | null;
}

export interface TeamViewerLogError {
  line: number;
  // Message key under `errors.`, with `values` for its placeholders (always including `line`).
  messageKey: string;
  values: Record<string, string | number>;
}

export interface TeamViewerLog {
  encoding: TextEncoding;
  bom: boolean;
  rows: TeamViewerConnection[];
  errors: TeamViewerLogError[];
}

/**
 * Parses the bytes of a Connections_incoming.txt file in any encoding that `decodeText` detects.
 *
 * A bad line becomes an entry in `errors` with its line number, and the other lines still parse.
 * Blank lines are skipped. A connection that appears twice (same code) is reported on its second
 * line. Throws a VALIDATION AppError for an empty file (`sessionLog.emptyFile`) or one that is not
 * text (`sessionLog.notText`).
 */
export function parseTeamViewerLog(bytes: Uint8Array): TeamViewerLog {
  if (bytes.length === 0) throw new AppError("VALIDATION", "sessionLog.emptyFile");

  const decoded = decodeText(bytes);
  if (decoded === null) throw new AppError("VALIDATION", "sessionLog.notText");

  const lines = decoded.text.split(/\r\n|\r|\n/);
  if (lines.every((text) => text.trim() === "")) {
    throw new AppError("VALIDATION", "sessionLog.emptyFile");
  }

  const rows: TeamViewerConnection[] = [];
  const errors: TeamViewerLogError[] = [];
  const lineByCode = new Map<string, number>();

  lines.forEach((text, index) => {
    if (text.trim() === "") return;

    const line = index + 1;
    const parsed = parseLine(text, line);
    if ("messageKey" in parsed) {
      errors.push(parsed);
      return;
    }

    const firstLine = lineByCode.get(parsed.code);
    if (firstLine !== undefined) {
      errors.push(lineError(line, "sessionLog.duplicateConnection", { firstLine }));
      return;
    }

    lineByCode.set(parsed.code, line);
    rows.push(parsed);
  });

  return { encoding: decoded.encoding, bom: decoded.bom, rows, errors };
}

function parseLine(text: string, line: number): TeamViewerConnection | TeamViewerLogError {
  // TeamViewer ends every line with a tab. Dropping one lets a line whose trailing tab was lost
  // still parse when its last field, the GUID, is not empty.
  const withoutTerminator = text.endsWith("\t") ? text.slice(0, -1) : text;
  const fields = withoutTerminator.split("\t").map((field) => field.trim());

  if (fields.length !== FIELD_COUNT) {
    return lineError(line, "sessionLog.wrongFieldCount", {
      found: fields.length,
      expected: FIELD_COUNT,
    });
  }

  const [partnerId, partnerName, start, end, localUser, connectionType, guidField] = fields;
  if (partnerId === "") return lineError(line, "sessionLog.partnerIdMissing");
  if (connectionType === "") return lineError(line, "sessionLog.connectionTypeMissing");

  const startedAt = parseUtcTimestamp(start);
  if (startedAt === null) return lineError(line, "sessionLog.invalidStart", { value: start });

  const endedAt = parseUtcTimestamp(end);
  if (endedAt === null) return lineError(line, "sessionLog.invalidEnd", { value: end });

  if (endedAt < startedAt) {
    return lineError(line, "sessionLog.endBeforeStart", { start, end });
  }

  const guid = guidField === "" ? null : guidField;
  const code = connectionCode({ guid, partnerId, startedAt, endedAt, localUser });
  const seconds = (endedAt.getTime() - startedAt.getTime()) / 1000;

  return {
    line,
    code,
    partnerId,
    partnerName,
    startedAt,
    endedAt,
    seconds,
    localUser,
    connectionType,
    guid,
  };
}

function lineError(
  line: number,
  messageKey: string,
  values: Record<string, string | number> = {},
): TeamViewerLogError {
  return { line, messageKey, values: { line, ...values } };
}

const TIMESTAMP = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;

/** Parses `dd-MM-yyyy HH:mm:ss` as a UTC instant, or returns null for any other text or date. */
export function parseUtcTimestamp(text: string): Date | null {
  const match = TIMESTAMP.exec(text);
  if (match === null) return null;

  const [day, month, year, hour, minute, second] = match.slice(1).map(Number);
  const instant = new Date(Date.UTC(year, month - 1, day, hour, minute, second));

  // Date.UTC rolls 31-02 over into March and 24:00 into the next day, so a value that does not
  // come back unchanged was not a real date and time.
  const unchanged =
    instant.getUTCFullYear() === year &&
    instant.getUTCMonth() === month - 1 &&
    instant.getUTCDate() === day &&
    instant.getUTCHours() === hour &&
    instant.getUTCMinutes() === minute &&
    instant.getUTCSeconds() === second;

  return unchanged ? instant : null;
}

/**
 * Returns the session code of a connection, stable across imports of the same log.
 *
 * With a GUID, the code is the GUID in lower case without braces, so every spelling of one GUID
 * gives one code. Without one, it is `tv-` followed by the first 32 hex digits (128 bits) of the
 * SHA-256 of partner ID, start, end (both as ISO 8601 UTC) and local user, joined by tabs.
 * Tabs cannot occur inside a field, so different connections cannot produce the same input.
 */
export function connectionCode(connection: {
  guid: string | null;
  partnerId: string;
  startedAt: Date;
  endedAt: Date;
  localUser: string;
}): string {
  if (connection.guid !== null) {
    // A value that is not a GUID keeps the spelling that earlier imports stored for it.
    return guidCode(connection.guid) ?? connection.guid.replace(/^\{|\}$/g, "").toLowerCase();
  }

  const input = [
    connection.partnerId,
    connection.startedAt.toISOString(),
    connection.endedAt.toISOString(),
    connection.localUser,
  ].join("\t");

  return `tv-${createHash("sha256").update(input, "utf8").digest("hex").slice(0, 32)}`;
}
