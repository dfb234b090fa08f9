// CSV and Excel files of one dashboard chart: one row per bucket with its first and last date,
// then one column per series. Pure: the caller loads the chart and passes the labels.
import ExcelJS from "exceljs";

import { bucketDates } from "@/lib/domain/dashboard-period";
import { neutraliseFormula } from "@/lib/reports/render/neutralise";

import type { DashboardChart } from "./types";

export interface ChartTable {
  // Column headers: start, end, then the series labels.
  headers: string[];
  // Bucket dates as yyyy-mm-dd, then one whole number per series.
  rows: { from: string; to: string; values: number[] }[];
}

/** Lays a chart out as a table, with the first and last bucket clipped to the period. */
export function chartTable(
  chart: DashboardChart,
  options: {
    period: { from: string; to: string };
    dateHeaders: [string, string];
    seriesLabels: string[];
  },
): ChartTable {
  return {
    headers: [...options.dateHeaders, ...options.seriesLabels],
    rows: chart.buckets.map((bucket) => ({
      ...bucketDates(bucket.start, chart.granularity, options.period),
      values: chart.series.map((series) => bucket.values[series.key] ?? 0),
    })),
  };
}

const BOM = "\uFEFF";

/**
 * Renders UTF-8 CSV with a byte order mark, `;` separators and CRLF line ends, which Excel in
 * Italian opens as columns. Dates are dd/mm/yyyy.
 */
export function renderChartCsv(table: ChartTable): Uint8Array {
  const lines = [
    table.headers.map((header) => quote(neutraliseFormula(header))).join(";"),
    ...table.rows.map((row) =>
      [italianDate(row.from), italianDate(row.to), ...row.values.map(String)].join(";"),
    ),
  ];

  return new TextEncoder().encode(`${BOM}${lines.join("\r\n")}\r\n`);
}

/** Renders one worksheet with date and number cells. */
export async function renderChartXlsx(table: ChartTable, sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(table.headers.map(neutraliseFormula)).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow([utcDate(row.from), utcDate(row.to), ...row.values]);
    added.getCell(1).numFmt = "dd/mm/yyyy";
    added.getCell(2).numFmt = "dd/mm/yyyy";
  }
  sheet.columns.forEach((column, index) => {
    column.width = index < 2 ? 12 : Math.max(12, (table.headers[index] ?? "").length + 2);
  });

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function quote(text: string): string {
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function italianDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

// Excel cells have no time zone, so a calendar date is written as its UTC midnight.
function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
