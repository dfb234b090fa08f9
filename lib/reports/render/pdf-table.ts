// Draws report tables straight onto a react-pdf Canvas. react-pdf lays out and shapes every Text
// node on its own, which took 39 s for 10,000 rows of 7 cells. Here each cell is one pdfkit text
// call in a standard font at a position computed once, with line breaks measured in pdf-fonts.ts.
import type { ReportTable } from "../table";
import { type FontWeight, TABLE_FONTS, textWidth, toWinAnsi, wrapText } from "./pdf-fonts";

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

export interface PreparedRow {
  // Lines of each cell, already wrapped to the column width.
  cells: string[][];
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
  const wrapped = cells.map((text, index) =>
    wrapText(toWinAnsi(text), layout.columns[index].width - 2 * PADDING_X, FONT_SIZE, weight),
  );
  const lines = Math.max(1, ...wrapped.map((cell) => cell.length));

  return { cells: wrapped, height: lines * LINE_HEIGHT + 2 * PADDING_Y };
}

export interface RowStyle {
  weight: FontWeight;
  color: string;
  background?: string;
  // Line drawn under the row (body rows) or over it (totals).
  rule: { position: "below" | "above"; color: string; width: number } | null;
}

/** Paints `rows` from `top`, with the table's left edge at `left`; returns the y after the last. */
export function paintRows(
  painter: Painter,
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
  painter.font(TABLE_FONTS[style.weight]).fontSize(FONT_SIZE).fillColor(style.color);
  for (const row of rows) {
    if (style.rule?.position === "above") rules.push(y);
    row.cells.forEach((lines, index) => {
      const column = layout.columns[index];
      lines.forEach((line, lineIndex) => {
        if (line === "") return;
        const x = column.right
          ? column.x + column.width - PADDING_X - textWidth(line, FONT_SIZE, style.weight)
          : column.x + PADDING_X;
        painter.text(line, origin.left + x, y + PADDING_Y + lineIndex * LINE_HEIGHT, {
          lineBreak: false,
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
