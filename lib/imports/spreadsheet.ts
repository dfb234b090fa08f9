// Reads the first worksheet of an .xlsx export into the same header and records as a CSV file.
// Header cells merged across columns or rows (grouped headers such as "Indirizzo" over "Via" and
// "CAP") become one name per column. Formula cells give their cached result, the value Excel
// showed when the file was saved.
import ExcelJS from "exceljs";

import { AppError } from "@/lib/errors";

import type { CsvRecord } from "./csv";

export interface SheetTable {
  headers: string[];
  records: CsvRecord[];
}

// Cell of the header or a record: its text, or null when it is a formula without a cached result
// or an error value such as #REF!, which cannot be imported.
type CellText = string | null;

/** Returns whether `bytes` start like a zip archive, the container of .xlsx files. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Parses an .xlsx file. Raises UNSUPPORTED_FILE when it is not a workbook. The header is the first
 * non-empty row, after a title row made of one merged cell. When a header cell is merged with cells
 * below it, or across columns, the header continues on the next row.
 */
export async function readSpreadsheet(bytes: Uint8Array): Promise<SheetTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError("UNSUPPORTED_FILE", "imports.notSpreadsheet", { cause: error });
  }

  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new AppError("VALIDATION", "imports.fileEmpty");

  const width = sheet.columnCount;
  let top = firstNonEmptyRow(sheet, 1, width);
  if (top !== null && isTitleRow(sheet, top, width)) top = firstNonEmptyRow(sheet, top + 1, width);
  if (top === null) throw new AppError("VALIDATION", "imports.fileEmpty");

  const bottom = headerBottom(sheet, top, width);
  const headers = headerNames(sheet, top, bottom, width);
  const records: CsvRecord[] = [];

  for (let rowNumber = bottom + 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const count = Math.max(row.cellCount, headers.length);
    const texts = Array.from({ length: count }, (_, index) => cellText(row.getCell(index + 1)));
    if (texts.every((text) => text === "")) continue;

    const invalidCells = texts.flatMap((text, index) => (text === null ? [index] : []));
    records.push({
      line: rowNumber,
      cells: texts.map((text) => text ?? ""),
      ...(invalidCells.length > 0 ? { invalidCells } : {}),
    });
  }

  return { headers, records };
}

function firstNonEmptyRow(sheet: ExcelJS.Worksheet, from: number, width: number): number | null {
  for (let rowNumber = from; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    for (let column = 1; column <= width; column += 1) {
      if (cellText(row.getCell(column))) return rowNumber;
    }
  }

  return null;
}

// A title row is one merged cell across every used column, such as "Clienti al 04/12/2026".
function isTitleRow(sheet: ExcelJS.Worksheet, rowNumber: number, width: number): boolean {
  if (width < 2) return false;
  const first = sheet.getRow(rowNumber).getCell(1);
  const last = sheet.getRow(rowNumber).getCell(width);

  return first.isMerged && last.isMerged && last.master.address === first.master.address;
}

// The header ends on the row below its last merged cell: cells merged down into the next row, or
// a group header merged across columns whose sub-headers are on the next row.
function headerBottom(sheet: ExcelJS.Worksheet, top: number, width: number): number {
  let bottom = top;
  const header = sheet.getRow(top);

  for (let column = 1; column <= width; column += 1) {
    const cell = header.getCell(column);
    if (!cell.isMerged) continue;
    if (cell.master.address !== cell.address && Number(cell.master.row) === top)
      bottom = Math.max(bottom, top + 1);

    let below = top + 1;
    while (below <= sheet.rowCount) {
      const lower = sheet.getRow(below).getCell(column);
      if (!lower.isMerged || lower.master.address !== cell.master.address) break;
      bottom = Math.max(bottom, below);
      below += 1;
    }
  }

  return bottom;
}

// Joins the header rows of each column, dropping a part that repeats the one above it (a cell
// merged down). Columns after the last named one are dropped.
function headerNames(
  sheet: ExcelJS.Worksheet,
  top: number,
  bottom: number,
  width: number,
): string[] {
  const names: string[] = [];
  for (let column = 1; column <= width; column += 1) {
    const parts: string[] = [];
    for (let rowNumber = top; rowNumber <= bottom; rowNumber += 1) {
      const cell = sheet.getRow(rowNumber).getCell(column);
      const text = (cellText(cell.isMerged ? cell.master : cell) ?? "").trim();
      if (text !== "" && parts[parts.length - 1] !== text) parts.push(text);
    }
    names.push(parts.join(" "));
  }
  while (names.length > 0 && names[names.length - 1] === "") names.pop();

  return names;
}

/** Returns the text of a cell as shown in Excel, or null for a formula without value or an error. */
function cellText(cell: ExcelJS.Cell): CellText {
  return valueText(cell.value);
}

function valueText(value: ExcelJS.CellValue | undefined): CellText {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);

  if ("error" in value) return null;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return null;

    return valueText(result as ExcelJS.CellValue);
  }
  if ("hyperlink" in value) return valueText(value.text as ExcelJS.CellValue);

  return "";
}
