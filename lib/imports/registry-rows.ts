// Turns CSV records into customer values according to a mapping. Each record is kept, excluded by
// the filter, or rejected with a reason. Nothing here reads the database.
import { cellValue, type CsvTable, fieldCountMismatch } from "./csv";
import { MAX_CODE_LENGTH, MAX_FIELD_LENGTH } from "./limits";
import {
  assertColumnsExist,
  mappedFields,
  type OptionalRegistryField,
  type RegistryField,
  type RegistryMapping,
} from "./registry-mapping";

// Values of one customer. Fields the mapping leaves out are absent, so an import never clears them.
// A mapped but empty cell is null and clears the stored value.
export type RegistryValues = { code: string; name: string } & Partial<
  Record<OptionalRegistryField, string | null>
>;

export interface RegistryRow {
  line: number;
  values: RegistryValues;
}

export type RejectionReason =
  | { kind: "fieldCount"; expected: number; found: number }
  | { kind: "missingCode" }
  | { kind: "missingName" }
  | { kind: "tooLong"; field: RegistryField; max: number }
  | { kind: "duplicateCode"; firstLine: number };

export interface RejectedRow {
  line: number;
  code: string | null;
  name: string | null;
  reason: RejectionReason;
}

export interface MappedRegistry {
  fields: RegistryField[];
  // Records in the file, header and blank lines excluded.
  rowCount: number;
  excludedCount: number;
  rows: RegistryRow[];
  rejected: RejectedRow[];
}

/**
 * Applies `mapping` to every record of `table`. Rows failing the filter are only counted. When a
 * code repeats, the first row with it is kept and each later one is rejected with the line of the
 * first, because guessing which row the ERP meant would silently pick the wrong data.
 */
export function mapRegistryRows(table: CsvTable, mapping: RegistryMapping): MappedRegistry {
  assertColumnsExist(mapping, table.headers);

  const fields = mappedFields(mapping);
  const indexOf = new Map(table.headers.map((header, index) => [header, index]));
  const columnIndex = (column: string) => indexOf.get(column) ?? -1;
  const filter = mapping.filter && {
    index: columnIndex(mapping.filter.column),
    value: mapping.filter.value,
  };
  const firstLineOfCode = new Map<string, number>();
  const rows: RegistryRow[] = [];
  const rejected: RejectedRow[] = [];
  let excludedCount = 0;

  for (const record of table.records) {
    const cell = (column: string) => cellValue(record.cells, columnIndex(column));
    const code = cell(mapping.columns.code);
    const name = cell(mapping.columns.name);
    const reject = (reason: RejectionReason) =>
      rejected.push({ line: record.line, code, name, reason });

    const countMismatch = fieldCountMismatch(record.cells, table.headers.length);
    if (countMismatch) {
      reject({ kind: "fieldCount", ...countMismatch });
      continue;
    }
    if (filter && cellValue(record.cells, filter.index) !== filter.value) {
      excludedCount += 1;
      continue;
    }
    if (code === null) {
      reject({ kind: "missingCode" });
      continue;
    }
    if (name === null) {
      reject({ kind: "missingName" });
      continue;
    }

    const values: RegistryValues = { code, name };
    for (const field of fields) {
      if (field !== "code" && field !== "name") values[field] = cell(mapping.columns[field] ?? "");
    }
    const lengthReason = checkLengths(values, fields);
    if (lengthReason) {
      reject(lengthReason);
      continue;
    }

    const firstLine = firstLineOfCode.get(code);
    if (firstLine !== undefined) {
      reject({ kind: "duplicateCode", firstLine });
      continue;
    }
    firstLineOfCode.set(code, record.line);
    rows.push({ line: record.line, values });
  }

  return { fields, rowCount: table.records.length, excludedCount, rows, rejected };
}

function checkLengths(values: RegistryValues, fields: RegistryField[]): RejectionReason | null {
  for (const field of fields) {
    const max = field === "code" ? MAX_CODE_LENGTH : MAX_FIELD_LENGTH;
    if ((values[field]?.length ?? 0) > max) return { kind: "tooLong", field, max };
  }

  return null;
}
