// Turns CSV records into customer values according to a mapping. Each record is kept, excluded by
// the filter, or rejected with a reason. Nothing here reads the database.
import { cellValue, type CsvRecord, fieldCountMismatch } from "./csv";
import { MAX_CODE_LENGTH, MAX_FIELD_LENGTH } from "./limits";
import {
  checkDeviceCell,
  checkTaxCode,
  checkVatNumber,
  deviceKey,
  type IdentifierProblem,
  type RegistryDevice,
} from "./registry-checks";
import {
  assertColumnsExist,
  mappedDeviceColumns,
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
  // Devices of the device columns, in canonical form. Empty when no device column is mapped.
  devices: RegistryDevice[];
}

export type RejectionReason =
  | { kind: "fieldCount"; expected: number; found: number }
  | { kind: "missingCode" }
  | { kind: "missingName" }
  | { kind: "tooLong"; field: RegistryField; max: number }
  | { kind: "duplicateCode"; firstLine: number }
  | { kind: "unreadableCell"; column: string }
  | IdentifierProblem
  | { kind: "duplicateDevice"; remoteId: string; firstLine: number }
  // Set by the preview and the commit, which read the stored devices.
  | { kind: "deviceConflict"; remoteId: string; customerCode: string };

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
  // Every code in the file's code column, including excluded and rejected rows, so that a full
  // export marks inactive only customers it does not name at all.
  codesInFile: Set<string>;
  excludedCount: number;
  rows: RegistryRow[];
  rejected: RejectedRow[];
}

/**
 * Applies `mapping` to every record of `table`. Rows failing the filter are only counted. When a
 * code repeats, the first row with it is kept and each later one is rejected with the line of the
 * first, because guessing which row the ERP meant would silently pick the wrong data.
 */
export function mapRegistryRows(
  table: { headers: string[]; records: CsvRecord[] },
  mapping: RegistryMapping,
): MappedRegistry {
  assertColumnsExist(mapping, table.headers);

  const fields = mappedFields(mapping);
  const indexOf = new Map(table.headers.map((header, index) => [header, index]));
  const columnIndex = (column: string) => indexOf.get(column) ?? -1;
  const filter = mapping.filter && {
    index: columnIndex(mapping.filter.column),
    value: mapping.filter.value,
  };
  const deviceColumns = mappedDeviceColumns(mapping).map((device) => ({
    ...device,
    index: columnIndex(device.column),
  }));
  const usedColumns = [
    ...fields.map((field) => mapping.columns[field] ?? ""),
    ...deviceColumns.map((device) => device.column),
  ];
  const firstLineOfCode = new Map<string, number>();
  const firstLineOfDevice = new Map<string, number>();
  const codesInFile = new Set<string>();
  const rows: RegistryRow[] = [];
  const rejected: RejectedRow[] = [];
  let excludedCount = 0;

  for (const record of table.records) {
    const cell = (column: string) => cellValue(record.cells, columnIndex(column));
    const code = cell(mapping.columns.code);
    const name = cell(mapping.columns.name);
    const reject = (reason: RejectionReason) =>
      rejected.push({ line: record.line, code, name, reason });
    if (code !== null) codesInFile.add(code);

    const countMismatch = fieldCountMismatch(record.cells, table.headers.length);
    if (countMismatch) {
      reject({ kind: "fieldCount", ...countMismatch });
      continue;
    }
    if (filter && cellValue(record.cells, filter.index) !== filter.value) {
      excludedCount += 1;
      continue;
    }
    const unreadable = usedColumns.find((column) =>
      record.invalidCells?.includes(columnIndex(column)),
    );
    if (unreadable !== undefined) {
      reject({ kind: "unreadableCell", column: unreadable });
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

    const problem = checkIdentifiers(values);
    if (problem) {
      reject(problem);
      continue;
    }

    const devices: RegistryDevice[] = [];
    let deviceProblem: RejectionReason | null = null;
    for (const column of deviceColumns) {
      const checked = checkDeviceCell(column.kind, cellValue(record.cells, column.index));
      if ("kind" in checked) {
        deviceProblem = checked;
        break;
      }
      devices.push(...checked.devices);
    }
    deviceProblem ??= findDuplicateDevice(devices, firstLineOfDevice);
    if (deviceProblem) {
      reject(deviceProblem);
      continue;
    }

    const firstLine = firstLineOfCode.get(code);
    if (firstLine !== undefined) {
      reject({ kind: "duplicateCode", firstLine });
      continue;
    }
    firstLineOfCode.set(code, record.line);
    for (const device of devices) firstLineOfDevice.set(deviceKey(device), record.line);
    rows.push({ line: record.line, values, devices });
  }

  return { fields, rowCount: table.records.length, codesInFile, excludedCount, rows, rejected };
}

// Replaces the VAT number and tax code with their stored form, or returns the problem.
function checkIdentifiers(values: RegistryValues): IdentifierProblem | null {
  if (values.vatNumber !== undefined) {
    const vat = checkVatNumber(values.vatNumber);
    if ("kind" in vat) return vat;
    values.vatNumber = vat.value;
  }
  if (values.taxCode !== undefined) {
    const taxCode = checkTaxCode(values.taxCode);
    if ("kind" in taxCode) return taxCode;
    values.taxCode = taxCode.value;
  }

  return null;
}

function findDuplicateDevice(
  devices: RegistryDevice[],
  firstLineOfDevice: Map<string, number>,
): RejectionReason | null {
  for (const device of devices) {
    const firstLine = firstLineOfDevice.get(deviceKey(device));
    if (firstLine !== undefined) {
      return { kind: "duplicateDevice", remoteId: device.remoteId, firstLine };
    }
  }

  return null;
}

function checkLengths(values: RegistryValues, fields: RegistryField[]): RejectionReason | null {
  for (const field of fields) {
    const max = field === "code" ? MAX_CODE_LENGTH : MAX_FIELD_LENGTH;
    if ((values[field]?.length ?? 0) > max) return { kind: "tooLong", field, max };
  }

  return null;
}
