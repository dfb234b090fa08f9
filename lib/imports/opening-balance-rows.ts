// Opening balances: a file of customer code, minutes (signed), optional contract number and
// comment, one row per customer. Mapping, row checks and the content hash that detects a second
// import of the same balances. Nothing here reads the database.
import { createHash } from "node:crypto";

import { z } from "zod";

import { MAX_ENTRY_MINUTES } from "@/lib/domain/ledger";

import { jsonFieldSchema, optionalColumn, requiredColumn } from "./column-schema";
import { cellValue, type CsvRecord, fieldCountMismatch } from "./csv";
import { MAX_CODE_LENGTH, MAX_FIELD_LENGTH } from "./limits";

export const OPENING_BALANCE_FIELDS = ["code", "minutes", "contract", "comment"] as const;
export type OpeningBalanceField = (typeof OPENING_BALANCE_FIELDS)[number];

export const openingBalanceMappingSchema = z.object({
  columns: z.object({
    code: requiredColumn("openingBalances.codeColumnRequired"),
    minutes: requiredColumn("openingBalances.minutesColumnRequired"),
    contract: optionalColumn,
    comment: optionalColumn,
  } satisfies Record<OpeningBalanceField, z.ZodType>),
});

export type OpeningBalanceMapping = z.output<typeof openingBalanceMappingSchema>;

export const openingBalanceMappingFieldSchema = jsonFieldSchema(
  openingBalanceMappingSchema,
  "imports.mappingMissing",
);

export interface OpeningBalanceRow {
  line: number;
  code: string;
  minutes: number;
  contract: string | null;
  comment: string | null;
}

export type OpeningBalanceProblem =
  | { kind: "fieldCount"; expected: number; found: number }
  | { kind: "unreadableCell"; column: string }
  | { kind: "missingCode" }
  | { kind: "missingMinutes" }
  | { kind: "invalidMinutes"; value: string }
  | { kind: "zeroMinutes" }
  | { kind: "tooManyMinutes"; max: number }
  | { kind: "tooLong"; field: OpeningBalanceField; max: number }
  | { kind: "duplicateCode"; firstLine: number }
  // Set by the preview and the commit, which read the customers and their contracts.
  | { kind: "unknownCustomer" }
  | { kind: "unknownContract"; contract: string };

export interface RejectedOpeningBalance {
  line: number;
  code: string | null;
  problem: OpeningBalanceProblem;
}

export interface MappedOpeningBalances {
  rows: OpeningBalanceRow[];
  rejected: RejectedOpeningBalance[];
}

// Whole minutes, optionally signed, with or without Italian thousands separators ("1.200").
const MINUTES = /^[+-]?(\d+|\d{1,3}(\.\d{3})+)$/;

/** Parses a minutes cell, or returns null when it is not a whole number. */
export function parseMinutes(text: string): number | null {
  const compact = text.replace(/\s+/g, "");
  if (!MINUTES.test(compact)) return null;

  return Number(compact.replace(/\./g, ""));
}

/**
 * Applies `mapping` to every record. A code that repeats is rejected on each later line, because
 * a customer has one opening balance and adding both rows would be a guess.
 */
export function mapOpeningBalances(
  table: { headers: string[]; records: CsvRecord[] },
  mapping: OpeningBalanceMapping,
): MappedOpeningBalances {
  const indexOf = new Map(table.headers.map((header, index) => [header, index]));
  const used = OPENING_BALANCE_FIELDS.flatMap((field) => {
    const column = mapping.columns[field];

    return column ? [{ field, column, index: indexOf.get(column) ?? -1 }] : [];
  });
  const firstLineOfCode = new Map<string, number>();
  const rows: OpeningBalanceRow[] = [];
  const rejected: RejectedOpeningBalance[] = [];

  for (const record of table.records) {
    const cell = (field: OpeningBalanceField) => {
      const column = used.find((entry) => entry.field === field);

      return column ? cellValue(record.cells, column.index) : null;
    };
    const code = cell("code");
    const problem = checkRecord(record, table.headers.length, used, cell);
    if (problem) {
      rejected.push({ line: record.line, code, problem });
      continue;
    }

    const row = {
      line: record.line,
      code: code ?? "",
      minutes: parseMinutes(cell("minutes") ?? "") ?? 0,
      contract: cell("contract"),
      comment: cell("comment"),
    };
    const firstLine = firstLineOfCode.get(row.code);
    if (firstLine !== undefined) {
      rejected.push({ line: record.line, code, problem: { kind: "duplicateCode", firstLine } });
      continue;
    }
    firstLineOfCode.set(row.code, record.line);
    rows.push(row);
  }

  return { rows, rejected };
}

function checkRecord(
  record: CsvRecord,
  width: number,
  used: { field: OpeningBalanceField; column: string; index: number }[],
  cell: (field: OpeningBalanceField) => string | null,
): OpeningBalanceProblem | null {
  const countMismatch = fieldCountMismatch(record.cells, width);
  if (countMismatch) return { kind: "fieldCount", ...countMismatch };

  const unreadable = used.find((entry) => record.invalidCells?.includes(entry.index));
  if (unreadable) return { kind: "unreadableCell", column: unreadable.column };

  const code = cell("code");
  if (code === null) return { kind: "missingCode" };
  if (code.length > MAX_CODE_LENGTH)
    return { kind: "tooLong", field: "code", max: MAX_CODE_LENGTH };

  const text = cell("minutes");
  if (text === null) return { kind: "missingMinutes" };
  const minutes = parseMinutes(text);
  if (minutes === null) return { kind: "invalidMinutes", value: text };
  if (minutes === 0) return { kind: "zeroMinutes" };
  if (Math.abs(minutes) > MAX_ENTRY_MINUTES) {
    return { kind: "tooManyMinutes", max: MAX_ENTRY_MINUTES };
  }

  for (const field of ["contract", "comment"] as const) {
    if ((cell(field)?.length ?? 0) > MAX_FIELD_LENGTH) {
      return { kind: "tooLong", field, max: MAX_FIELD_LENGTH };
    }
  }

  return null;
}

/**
 * Returns the SHA-256 of the balances themselves: customer code, minutes and contract of each row,
 * in a fixed order. The same balances saved again in another encoding, delimiter, row or column
 * order or as .xlsx count as the same file. Comments are left out, so changing only a comment does
 * not let the same balances be imported twice.
 */
export function openingBalancesDigest(rows: OpeningBalanceRow[]): string {
  const canonical = rows.map((row) => JSON.stringify([row.code, row.minutes, row.contract])).sort();

  return createHash("sha256")
    .update(`[${canonical.join(",")}]`)
    .digest("hex");
}
