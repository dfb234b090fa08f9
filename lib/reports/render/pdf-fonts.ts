// Fonts of the PDF export. react-pdf lays out headings and summaries with the Geist TTF files of
// the `geist` package. The table canvas (pdf-table.ts) uses the standard PDF fonts Helvetica and
// Helvetica-Bold, which need no embedding or glyph shaping: with Geist, shaping the 70,000 cells
// of a 10,000-row statement took over a second.
import path from "node:path";

import PDFDocument from "pdfkit";

const FONT_DIR = path.join(process.cwd(), "node_modules", "geist", "dist", "fonts", "geist-sans");

export const GEIST_FILES = {
  regular: path.join(FONT_DIR, "Geist-Regular.ttf"),
  bold: path.join(FONT_DIR, "Geist-Bold.ttf"),
} as const;

export const TABLE_FONTS = { regular: "Helvetica", bold: "Helvetica-Bold" } as const;
export type FontWeight = keyof typeof TABLE_FONTS;

// A document that is never written, used only for its font metrics (pdfkit's AFM files).
const measurer = new PDFDocument({ autoFirstPage: false });

/** Returns the width of `text` in points at `size` in the table font. */
export function textWidth(text: string, size: number, weight: FontWeight = "regular"): number {
  return measurer.font(TABLE_FONTS[weight]).fontSize(size).widthOfString(text);
}

// Characters of Windows-1252 above ASCII that are not Latin-1: the standard fonts encode only
// this character set.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;

  return (
    (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)
  );
}

/**
 * Makes `text` printable in the standard fonts: a character outside Windows-1252 loses its
 * accents when that helps (ő becomes o) and otherwise becomes "?".
 */
export function toWinAnsi(text: string): string {
  let result = "";
  for (const char of text) {
    if (isWinAnsi(char)) {
      result += char;
      continue;
    }
    if (char === "\t" || char === "\n" || char === "\r") {
      result += " ";
      continue;
    }
    const base = char.normalize("NFKD").replace(/\p{M}/gu, "");
    result += [...base].every(isWinAnsi) && base !== "" ? base : "?";
  }

  return result;
}

/** Splits `text` into lines no wider than `width` points, breaking at spaces or inside long words. */
export function wrapText(
  text: string,
  width: number,
  size: number,
  weight: FontWeight = "regular",
) {
  if (text === "" || textWidth(text, size, weight) <= width) return [text];

  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, size, weight) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    // A word wider than the column is cut into pieces that fit.
    while (textWidth(line, size, weight) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && textWidth(line.slice(0, cut), size, weight) > width) cut -= 1;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);

  return lines;
}
