// CSV for Italian spreadsheets: UTF-8 with a byte order mark (so Excel detects the encoding),
// semicolons as separators and CRLF line ends. Whole minutes are plain integers without thousands
// separators; real minutes use a decimal comma (12,5), as Excel in Italian reads them as numbers.
// Dates are dd/mm/yyyy (hh:mm) in Europe/Rome.
import { formatDate, formatDateTime } from "@/lib/i18n/format";

import { buildTable, type Cell, type CellType } from "../table";
import { BALANCE_LABELS, type ReportBranding } from "../template";
import type { ReportData } from "../types";
import { neutraliseFormula } from "./neutralise";

const SEPARATOR = ";";
const LINE_END = "\r\n";
const BOM = "\uFEFF";

function csvCell(cell: Cell, type: CellType): string {
  if (cell === null) return "";
  if (cell instanceof Date) return type === "datetime" ? formatDateTime(cell) : formatDate(cell);
  if (typeof cell === "number") {
    return type === "decimal" ? cell.toFixed(1).replace(".", ",") : String(cell);
  }

  return quote(neutraliseFormula(cell));
}

function quote(text: string): string {
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Renders the report as one table whose first two columns are the customer code and name, then a
 * blank line and one balance line per customer (opening, credits, debits, closing).
 */
export function renderCsv(data: ReportData, branding: ReportBranding): Uint8Array {
  const lines: string[] = [];
  let headerWritten = false;

  for (const section of data.sections) {
    const table = buildTable(section, branding);
    const prefix = [
      quote(neutraliseFormula(section.customer.code)),
      quote(neutraliseFormula(section.customer.name)),
    ];
    if (!headerWritten) {
      lines.push(
        ["Codice cliente", "Cliente", ...table.columns.map((c) => quote(c.label))].join(SEPARATOR),
      );
      headerWritten = true;
    }
    for (const row of [...table.rows, table.totals]) {
      const cells = row.map((cell, index) => csvCell(cell, table.columns[index].type));
      lines.push([...prefix, ...cells].join(SEPARATOR));
    }
  }

  lines.push("");
  lines.push(
    [
      "Codice cliente",
      "Cliente",
      BALANCE_LABELS.opening,
      BALANCE_LABELS.credits,
      BALANCE_LABELS.debits,
      BALANCE_LABELS.closing,
    ].join(SEPARATOR),
  );
  for (const section of data.sections) {
    const { opening, credits, debits, closing } = section.balances;
    lines.push(
      [
        quote(neutraliseFormula(section.customer.code)),
        quote(neutraliseFormula(section.customer.name)),
        opening,
        credits,
        debits,
        closing,
      ].join(SEPARATOR),
    );
  }

  return new TextEncoder().encode(BOM + lines.join(LINE_END) + LINE_END);
}
