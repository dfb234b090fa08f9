// Streamed Excel workbook in the layout of lib/reports/render/xlsx.ts: one sheet per customer with
// a five-row header block, a frozen column header, typed cells and a totals row. exceljs's
// WorkbookWriter writes each committed row into the zip stream, so rows do not stay in memory.
import { once, type EventEmitter } from "node:events";
import type { Writable } from "node:stream";

import ExcelJS from "exceljs";

import { formatCalendarDate } from "@/lib/i18n/format";

import { neutraliseFormula } from "../render/neutralise";
import type { Cell } from "../table";
import { BALANCE_LABELS, REPORT_TITLES, type ReportBranding } from "../template";
import type { StreamedSection, TableWriter } from "./table-writer";
import { argb, NUMBER_FORMATS, romeWallClock } from "./xlsx-cells";

// Excel opens at most 1,048,576 rows per sheet; longer sections continue on a new sheet.
export const MAX_SHEET_ROWS = 1_048_576;
const HEADER_ROWS = 6;

function cellValue(cell: Cell): ExcelJS.CellValue {
  if (cell instanceof Date) return romeWallClock(cell);
  if (typeof cell === "string") return neutraliseFormula(cell);

  return cell;
}

// Sheet names are at most 31 characters, exclude : \ / ? * [ ] and must be unique.
function sheetName(code: string, part: number): string {
  const base = code.replace(/[:\\/?*[\]]/g, "_");
  const suffix = part > 1 ? ` (${part})` : "";

  return base.slice(0, 31 - suffix.length) + suffix;
}

/** Creates a writer that streams an .xlsx workbook to `output` and ends it in finish(). */
export function createXlsxWriter(
  output: Writable,
  branding: ReportBranding,
  options: { maxSheetRows?: number } = {},
): TableWriter {
  const maxSheetRows = options.maxSheetRows ?? MAX_SHEET_ROWS;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = branding.companyName;
  const zip = zipProgress(workbook);
  let section: StreamedSection | null = null;
  let sheet: ExcelJS.Worksheet | null = null;
  let sheetRows = 0;
  let part = 0;

  function openSheet(current: StreamedSection) {
    part += 1;
    sheet = workbook.addWorksheet(sheetName(current.customer.code, part), {
      views: [{ state: "frozen", ySplit: HEADER_ROWS }],
    });
    sheet.columns = current.columns.map((column) => ({
      key: column.key,
      width: Math.max(10, column.width * 0.9),
      style: { numFmt: NUMBER_FORMATS[column.type] },
    }));
    writeHeader(sheet, current, branding);
    sheetRows = HEADER_ROWS;

    return sheet;
  }

  async function commitSheet() {
    if (!sheet) return;
    sheet.commit();
    sheet = null;
    zip.committed += 1;
    await zip.caughtUp();
  }

  async function currentSheet(): Promise<ExcelJS.Worksheet> {
    if (!section) throw new Error("rows written before startSection");
    if (sheet && sheetRows < maxSheetRows - 1) return sheet;

    await commitSheet();
    return openSheet(section);
  }

  return {
    async startSection(next) {
      section = next;
      part = 0;
      sheet = null;
      openSheet(next);
    },

    async writeRows(rows) {
      for (const row of rows) {
        (await currentSheet()).addRow(row.map(cellValue)).commit();
        sheetRows += 1;
      }
      if (output.writableNeedDrain) await once(output, "drain");
    },

    async endSection(totals) {
      const totalsRow = (await currentSheet()).addRow(totals.map(cellValue));
      totalsRow.font = { bold: true };
      totalsRow.commit();
      await commitSheet();
      section = null;
    },

    async finish() {
      const finished = new Promise<void>((resolve, reject) => {
        output.once("finish", resolve);
        output.once("error", reject);
      });
      await workbook.commit();
      await finished;
    },
  };
}

/**
 * Tracks how many committed sheets the workbook's zip (archiver) has compressed. A committed
 * sheet waits in memory until archiver reaches it, so when compression is slower than the rows
 * arrive, caughtUp() makes the writer wait until at most one committed sheet is pending.
 */
function zipProgress(workbook: ExcelJS.stream.xlsx.WorkbookWriter) {
  // NOTE: `zip` is exceljs 4.4's internal archiver instance, not part of its typed API.
  const zip = (workbook as unknown as { zip: EventEmitter }).zip;
  const progress = {
    committed: 0,
    zipped: 0,
    waiting: [] as (() => void)[],
    async caughtUp() {
      while (progress.committed - progress.zipped > 1) {
        await new Promise<void>((resolve) => progress.waiting.push(resolve));
      }
    },
  };
  zip.on("entry", (entry: { name: string }) => {
    if (!/worksheets\/sheet\d+\.xml$/.test(entry.name)) return;
    progress.zipped += 1;
    for (const resolve of progress.waiting.splice(0)) resolve();
  });

  return progress;
}

function writeHeader(sheet: ExcelJS.Worksheet, section: StreamedSection, branding: ReportBranding) {
  const { opening, credits, debits, closing } = section.balances;
  sheet.addRow([neutraliseFormula(branding.companyName)]).font = { bold: true, size: 12 };
  sheet.addRow([
    `${REPORT_TITLES[section.kind]} — ${neutraliseFormula(section.customer.name)} (${section.customer.code})`,
  ]);
  sheet.addRow([
    `Periodo ${formatCalendarDate(section.period.from)} – ${formatCalendarDate(section.period.to)}`,
  ]);
  const balances = sheet.addRow([
    BALANCE_LABELS.opening,
    opening,
    BALANCE_LABELS.credits,
    credits,
    BALANCE_LABELS.debits,
    debits,
    BALANCE_LABELS.closing,
    closing,
  ]);
  balances.eachCell((cell) => {
    if (typeof cell.value === "number") cell.numFmt = NUMBER_FORMATS.integer ?? "";
  });
  sheet.addRow([]);

  const header = sheet.addRow(section.columns.map((column) => column.label));
  header.font = { bold: true, color: { argb: "FFFFFFFF" } };
  header.eachCell((cell) => {
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: argb(branding.accentColor) },
    };
  });
  header.commit();
}
