// Streamed CSV in the layout of lib/reports/render/csv.ts: UTF-8 with a byte order mark,
// semicolons, CRLF, customer code and name first on every line, a totals line per customer, then
// a blank line and one balance line per customer.
import type { Writable } from "node:stream";

import { formatDate, formatDateTime } from "@/lib/i18n/format";

import { neutraliseFormula } from "../render/neutralise";
import type { Cell, CellType } from "../table";
import { BALANCE_LABELS } from "../template";
import { endOutput, writeWithBackpressure } from "./output";
import type { StreamedSection, TableWriter } from "./table-writer";

const SEPARATOR = ";";
const LINE_END = "\r\n";
const BOM = "\uFEFF";

function quote(text: string): string {
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvCell(cell: Cell, type: CellType): string {
  if (cell === null) return "";
  if (cell instanceof Date) return type === "datetime" ? formatDateTime(cell) : formatDate(cell);
  if (typeof cell === "number") {
    return type === "decimal" ? cell.toFixed(1).replace(".", ",") : String(cell);
  }

  return quote(neutraliseFormula(cell));
}

function customerCells(section: StreamedSection): string[] {
  return [
    quote(neutraliseFormula(section.customer.code)),
    quote(neutraliseFormula(section.customer.name)),
  ];
}

/** Creates a writer that streams CSV lines to `output` and ends it in finish(). */
export function createCsvWriter(output: Writable): TableWriter {
  let headerWritten = false;
  let current: StreamedSection | null = null;

  const line = (cells: Cell[], section: StreamedSection) =>
    [
      ...customerCells(section),
      ...cells.map((cell, index) => csvCell(cell, section.columns[index].type)),
    ].join(SEPARATOR);

  return {
    async startSection(section) {
      current = section;
      if (headerWritten) return;
      const labels = section.columns.map((column) => quote(column.label));
      await writeWithBackpressure(
        output,
        BOM + ["Codice cliente", "Cliente", ...labels].join(SEPARATOR) + LINE_END,
      );
      headerWritten = true;
    },

    async writeRows(rows) {
      const section = current;
      if (!section) throw new Error("writeRows called before startSection");
      const text = rows.map((row) => line(row, section) + LINE_END).join("");
      await writeWithBackpressure(output, text);
    },

    async endSection(totals) {
      if (!current) throw new Error("endSection called before startSection");
      await writeWithBackpressure(output, line(totals, current) + LINE_END);
      current = null;
    },

    async finish(sections) {
      const lines = [
        headerWritten ? "" : BOM,
        [
          "Codice cliente",
          "Cliente",
          BALANCE_LABELS.opening,
          BALANCE_LABELS.credits,
          BALANCE_LABELS.debits,
          BALANCE_LABELS.closing,
        ].join(SEPARATOR),
      ];
      for (const section of sections) {
        const { opening, credits, debits, closing } = section.balances;
        lines.push([...customerCells(section), opening, credits, debits, closing].join(SEPARATOR));
      }
      await writeWithBackpressure(output, lines.join(LINE_END) + LINE_END);
      await endOutput(output);
    },
  };
}
