// Splits a table into PDF pages before react-pdf lays it out. Letting react-pdf break one long
// table itself took about 20 ms per row (40 s for 2,000 rows, @react-pdf/renderer 4.9 on 2 cores),
// while pages of known content render in linear time.
import type { ReportTable } from "../table";

export interface PageLayout {
  // Printable height for rows on the first page of a section (below summary and chart) and on
  // the following pages, in points.
  firstPageHeight: number;
  otherPageHeight: number;
  // Printable table width in points.
  tableWidth: number;
}

// Measured for Geist at 8 pt: 4.4 pt is above the average character width, so estimates err on
// the side of more lines.
const CHAR_WIDTH = 4.4;
const LINE_HEIGHT = 9.6;
const ROW_PADDING = 4.5;

/** Estimates the height of a row whose cells are already formatted as text. */
export function rowHeight(cells: string[], table: ReportTable, tableWidth: number): number {
  const totalWidth = table.columns.reduce((sum, column) => sum + column.width, 0);
  let lines = 1;

  cells.forEach((text, index) => {
    const columnWidth = (table.columns[index].width / totalWidth) * tableWidth - 6;
    const perLine = Math.max(1, Math.floor(columnWidth / CHAR_WIDTH));
    lines = Math.max(lines, Math.ceil(text.length / perLine));
  });

  return lines * LINE_HEIGHT + ROW_PADDING;
}

/**
 * Groups row indexes into pages so that each page's estimated height fits, keeping room for the
 * header row on every page. Every page keeps room for the totals row, because which page is the
 * last is only known at the end.
 */
export function planPages(heights: number[], totalsHeight: number, layout: PageLayout): number[][] {
  const pages: number[][] = [[]];
  let room = layout.firstPageHeight - totalsHeight;

  heights.forEach((height, index) => {
    const current = pages[pages.length - 1];
    if (height > room && current.length > 0) {
      pages.push([]);
      room = layout.otherPageHeight - totalsHeight;
    }
    pages[pages.length - 1].push(index);
    room -= height;
  });

  return pages;
}
