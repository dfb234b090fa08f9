// Draws report tables straight onto a react-pdf Canvas. react-pdf lays out and shapes every Text
// node on its own, which took 39 s for 10,000 rows of 7 cells. Here each cell is one pdfkit text
// call at a position computed once, in the font pdf-fonts.ts chooses for its text, with line
// breaks measured in that font.
import type { ReportTable } from "../table";
import { baselineShift, type FontWeight, printable, textWidth, wrapText } from "./pdf-fonts";

// The part of pdfkit's document that react-pdf's Canvas hands to `paint` (its painter object).
export interface Painter {
  font(src: string): Painter;
  fontSize(size: number): Painter;
  fillColor(color: string): Painter;
  strokeColor(color: string): Painter;
  lineWidth(width: number): Painter;
  rect(x: number, y: number, width: number, height: number): Painter;
  moveTo(x: number, y: number): Painter;
  lineTo(x: number, y: number): Painter;
  fill(color?: string): Painter;
  stroke(color?: string): Painter;
  text(text: string, x: number, y: number, options: { lineBreak: false }): Painter;
}

export const FONT_SIZE = 8;
export const LINE_HEIGHT = 9.6;
const PADDING_X = 3;
const PADDING_Y = 2.25;

interface ColumnBox {
  x: number;
  width: number;
  right: boolean;
}

export interface TableLayout {
  width: number;
  columns: ColumnBox[];
}

export interface PreparedCell {
  // Standard font name or TTF file that draws the cell.
  font: string;
  // Lines already wrapped to the column width.
  lines: string[];
}

export interface PreparedRow {
  cells: PreparedCell[];
  height: number;
}

/** Places the columns of `table` across `width` points, in proportion to their relative widths. */
export function tableLayout(table: ReportTable, width: number): TableLayout {
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  let x = 0;
  const columns = table.columns.map((column) => {
    const box = {
      x,
      width: (column.width / total) * width,
      right: column.type === "integer" || column.type === "decimal",
    };
    x += box.width;

    return box;
  });

  return { width, columns };
}

/** Wraps the formatted cells of one row and returns them with the row's height in points. */
export function prepareRow(
  cells: string[],
  layout: TableLayout,
  weight: FontWeight = "regular",
): PreparedRow {
  const wrapped = cells.map((text, index) => {
    const cell = printable(text, weight);
    const width = layout.columns[index].width - 2 * PADDING_X;

    return { font: cell.font, lines: wrapText(cell.text, width, FONT_SIZE, cell.font) };
  });
  const lines = Math.max(1, ...wrapped.map((cell) => cell.lines.length));

  return { cells: wrapped, height: lines * LINE_HEIGHT + 2 * PADDING_Y };
}

// The weight is chosen when the row is prepared, with each cell's font.
export interface RowStyle {
  color: string;
  background?: string;
  // Line drawn under the row (body rows) or over it (totals).
  rule: { position: "below" | "above"; color: string; width: number } | null;
}

/** Text to draw at (x, y), where y is the top of the line as Helvetica would place it. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  font: string;
  size: number;
  color: string;
}

/**
 * Draws `runs` grouped by font, so a page switches to each font once. pdfkit 0.20 opens an
 * embedded font file again on every switch to it when react-pdf has already embedded a font of
 * the same name, which cost about 0.5 ms per switch in a CPU profile.
 */
export function drawText(painter: Painter, runs: TextRun[]) {
  const byFont = new Map<string, TextRun[]>();
  for (const run of runs) {
    const group = byFont.get(run.font);
    if (group) group.push(run);
    else byFont.set(run.font, [run]);
  }

  for (const [font, group] of byFont) {
    painter.font(font);
    let size = 0;
    let color = "";
    for (const run of group) {
      if (run.size !== size) {
        size = run.size;
        painter.fontSize(size);
      }
      if (run.color !== color) {
        color = run.color;
        painter.fillColor(color);
      }
      painter.text(run.text, run.x, run.y + baselineShift(font, size), { lineBreak: false });
    }
  }
}

/**
 * Paints the background and rules of `rows` from `top`, with the table's left edge at `left`, and
 * adds their text to `runs`. Returns the y after the last row.
 */
export function paintRows(
  painter: Painter,
  runs: TextRun[],
  layout: TableLayout,
  rows: PreparedRow[],
  origin: { left: number; top: number },
  style: RowStyle,
): number {
  let y = origin.top;
  const rules: number[] = [];

  if (style.background) {
    const height = rows.reduce((sum, row) => sum + row.height, 0);
    painter.rect(origin.left, y, layout.width, height).fill(style.background);
  }
  for (const row of rows) {
    if (style.rule?.position === "above") rules.push(y);
    row.cells.forEach((cell, index) => {
      const column = layout.columns[index];
      cell.lines.forEach((line, lineIndex) => {
        if (line === "") return;
        const x = column.right
          ? column.x + column.width - PADDING_X - textWidth(line, FONT_SIZE, cell.font)
          : column.x + PADDING_X;
        runs.push({
          text: line,
          x: origin.left + x,
          y: y + PADDING_Y + lineIndex * LINE_HEIGHT,
          font: cell.font,
          size: FONT_SIZE,
          color: style.color,
        });
      });
    });
    y += row.height;
    if (style.rule?.position === "below") rules.push(y);
  }

  // One path for all rules of the block is much cheaper than one stroke per row.
  if (style.rule && rules.length > 0) {
    for (const ruleY of rules) {
      painter.moveTo(origin.left, ruleY).lineTo(origin.left + layout.width, ruleY);
    }
    painter.lineWidth(style.rule.width).stroke(style.rule.color);
  }

  return y;
}
