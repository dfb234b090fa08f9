// Excel export with exceljs's streaming WorkbookWriter: rows are committed as they are written,
// so memory stays flat for large reports. Numbers and dates are real cell values with formats,
// and text cells are neutralised against formula injection.
import { PassThrough } from "node:stream";

import ExcelJS from "exceljs";

import { BUSINESS_TIME_ZONE } from "@/lib/i18n/config";

import { buildTable, type Cell, type CellType } from "../table";
import { BALANCE_LABELS, REPORT_TITLES, type ReportBranding, templateMark } from "../template";
import type { ReportData, ReportSection } from "../types";
import { neutraliseFormula } from "./neutralise";
import { formatCalendarDate } from "@/lib/i18n/format";

const NUMBER_FORMATS: Record<CellType, string | undefined> = {
  date: "dd/mm/yyyy",
  datetime: "dd/mm/yyyy hh:mm",
  integer: "#,##0",
  decimal: "#,##0.0",
  text: undefined,
};

const romeParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: BUSINESS_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

// Excel stores wall-clock time without a zone, so instants are shifted to Rome time first.
function romeWallClock(instant: Date): Date {
  const parts = romeParts.formatToParts(instant);
  const value = Object.fromEntries(parts.map((part) => [part.type, Number(part.value)]));

  return new Date(Date.UTC(value.year, value.month - 1, value.day, value.hour, value.minute));
}

function cellValue(cell: Cell): ExcelJS.CellValue {
  if (cell instanceof Date) return romeWallClock(cell);
  if (typeof cell === "string") return neutraliseFormula(cell);

  return cell;
}

// Sheet names are at most 31 characters and exclude : \ / ? * [ ].
function sheetName(section: ReportSection): string {
  return section.customer.code.replace(/[:\\/?*[\]]/g, "_").slice(0, 31);
}

function writeSection(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  data: ReportData,
  section: ReportSection,
  branding: ReportBranding,
) {
  const table = buildTable(section, branding);
  // The header block has five rows; the column header is row 6 and stays visible when scrolling.
  const headerRow = 6;
  const sheet = workbook.addWorksheet(sheetName(section), {
    views: [{ state: "frozen", ySplit: headerRow }],
  });
  sheet.columns = table.columns.map((column) => ({
    key: column.key,
    width: Math.max(10, column.width * 0.9),
    style: { numFmt: NUMBER_FORMATS[column.type] },
  }));
  const { opening, credits, debits, closing } = section.balances;

  const issuer = [branding.companyName, ...(branding.header?.split("\n") ?? [])].join(" · ");
  sheet.addRow([neutraliseFormula(issuer)]).font = { bold: true, size: 12 };
  sheet.addRow([
    `${REPORT_TITLES[data.kind]} — ${neutraliseFormula(section.customer.name)} (${section.customer.code})`,
  ]);
  sheet.addRow([
    `Periodo ${formatCalendarDate(data.period.from)} – ${formatCalendarDate(data.period.to)} · ${templateMark(branding)}`,
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

  const header = sheet.addRow(table.columns.map((column) => column.label));
  header.font = { bold: true, color: { argb: "FFFFFFFF" } };
  header.eachCell((cell) => {
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: argb(branding.accentColor) },
    };
  });
  header.commit();

  for (const row of table.rows) {
    sheet.addRow(row.map(cellValue)).commit();
  }
  const totals = sheet.addRow(table.totals.map(cellValue));
  totals.font = { bold: true };
  totals.commit();
  sheet.commit();
}

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

/** Renders the report as an .xlsx workbook with one sheet per customer. */
export async function renderXlsx(data: ReportData, branding: ReportBranding): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = branding.companyName;
  workbook.title = REPORT_TITLES[data.kind];
  workbook.keywords = templateMark(branding);
  workbook.description = `${REPORT_TITLES[data.kind]} ${data.period.from} – ${data.period.to}, ${templateMark(branding)}`;

  for (const section of data.sections) {
    writeSection(workbook, data, section, branding);
  }
  await workbook.commit();

  return new Uint8Array(Buffer.concat(chunks));
}
