// Page geometry and the split of a table into PDF pages, decided before react-pdf lays anything
// out. Row heights come from measured text (pdf-table.ts), so the split is exact for the rows. Only
// the block above the table on a section's first page is estimated.
import type { PaperSize } from "../template";
import { GEIST_FILES, textWidth, wrapText } from "./pdf-fonts";

// Page sizes in points, as react-pdf defines them.
export const PAPER_POINTS: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  LETTER: { width: 612, height: 792 },
  A3: { width: 841.89, height: 1190.55 },
};

export const MARGIN = 32;
export const BOTTOM_MARGIN = 16;
// Footer band painted at the bottom of every table canvas.
export const FOOTER_HEIGHT = 20;
// Company line, title and rule painted at the top of a continuation page.
export const CONTINUATION_HEADER_HEIGHT = 34;
// Space between the block above the table and the table on a section's first page.
export const TABLE_GAP = 8;
export const CHART_HEIGHT = 150;
const HEADER_TEXT_WIDTH = 260;

export interface PageLayout {
  // Height of the canvas under the first page's summary and chart, and of a continuation page's
  // canvas, in points. Both include the footer band.
  firstCanvasHeight: number;
  otherCanvasHeight: number;
  tableWidth: number;
}

/**
 * Computes the page layout for a paper size. `headerLines` are the issuer lines printed under the
 * company name; long lines wrap and take more room. The first-page block is an estimate with
 * some slack: company line 14 pt, each issuer line 10 pt, logo 32 pt, title 20 pt, details 11 pt,
 * balance boxes 52 pt and the chart.
 */
export function pageLayout(
  paperSize: PaperSize,
  options: { headerLines: string[]; logo: boolean },
): PageLayout {
  const paper = PAPER_POINTS[paperSize];
  const content = paper.height - MARGIN - BOTTOM_MARGIN;
  // react-pdf draws the issuer lines in Geist, so they are measured in Geist too. Characters
  // that Noto Sans draws in their place count with Geist's missing-glyph width.
  const font = GEIST_FILES.regular;
  const issuerLines = options.headerLines.reduce(
    (count, line) =>
      count +
      (textWidth(line, 8, font) <= HEADER_TEXT_WIDTH
        ? 1
        : wrapText(line, HEADER_TEXT_WIDTH, 8, font).length),
    0,
  );
  const block =
    (options.logo ? 32 : 0) + 14 + issuerLines * 10 + 10 + 20 + 11 + 52 + CHART_HEIGHT + 20;

  return {
    firstCanvasHeight: Math.floor(content - block - TABLE_GAP),
    otherCanvasHeight: Math.floor(content),
    tableWidth: paper.width - 2 * MARGIN,
  };
}

/**
 * Groups row indexes into pages so that the rows fit each page's room. Every page keeps room for
 * the totals row, because which page is the last is only known at the end, and a row taller than
 * a whole page gets a page of its own.
 */
export function planPages(
  heights: number[],
  room: { first: number; other: number; totals: number },
): number[][] {
  const pages: number[][] = [[]];
  let left = room.first - room.totals;

  heights.forEach((height, index) => {
    const current = pages[pages.length - 1];
    if (height > left && current.length > 0) {
      pages.push([]);
      left = room.other - room.totals;
    }
    pages[pages.length - 1].push(index);
    left -= height;
  });

  return pages;
}
