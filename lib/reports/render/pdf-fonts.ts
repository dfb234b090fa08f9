// Fonts of the PDF export. react-pdf lays out headings and summaries with the Geist TTF files of
// the `geist` package, falling back to Noto Sans for characters Geist lacks. The table canvas
// (pdf-table.ts) draws text that is all Windows-1252 in the standard fonts Helvetica and
// Helvetica-Bold, which need no embedding or glyph shaping: with Geist, shaping the 70,000 cells
// of a 10,000-row statement took over a second. Other text is drawn in an embedded font.
import { readFileSync } from "node:fs";
import path from "node:path";

import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";

const MODULES = path.join(process.cwd(), "node_modules");
const GEIST_DIR = path.join(MODULES, "geist", "dist", "fonts", "geist-sans");
const NOTO_DIR = path.join(MODULES, "@expo-google-fonts", "noto-sans");

export const GEIST_FILES = {
  regular: path.join(GEIST_DIR, "Geist-Regular.ttf"),
  bold: path.join(GEIST_DIR, "Geist-Bold.ttf"),
} as const;

// Geist 1.9 has 117 of the 128 Latin Extended-A letters, 19 of Latin Extended-B, the common
// Cyrillic letters and no Greek. Noto Sans has all of Latin Extended-A and -B and of Cyrillic, and
// the modern Greek alphabet.
export const NOTO_SANS_FILES = {
  regular: path.join(NOTO_DIR, "400Regular", "NotoSans_400Regular.ttf"),
  bold: path.join(NOTO_DIR, "700Bold", "NotoSans_700Bold.ttf"),
} as const;

export const TABLE_FONTS = { regular: "Helvetica", bold: "Helvetica-Bold" } as const;
export type FontWeight = keyof typeof TABLE_FONTS;

// Embedded fonts for text outside Windows-1252, in order of preference: Geist matches the rest of
// the document, Noto Sans covers more scripts.
const EMBEDDED_FILES = {
  regular: [GEIST_FILES.regular, NOTO_SANS_FILES.regular],
  bold: [GEIST_FILES.bold, NOTO_SANS_FILES.bold],
} as const;

/** Text ready to draw in `font`: the name of a standard font or the path of a TTF file. */
export interface PrintableText {
  text: string;
  font: string;
}

// A document that is never written, used only for its font metrics (pdfkit's AFM files and the
// embedded fonts' tables).
const measurer = new PDFDocument({ autoFirstPage: false });

// Widths at 1 pt by font and text. Dates, kinds and amounts repeat across rows, and pdfkit's
// kerning lookups made measuring a large share of the PDF time.
const widthCache = new Map<string, Map<string, number>>();
const MAX_CACHED_WIDTHS = 100_000;

/** Returns the width of `text` in points at `size` in `font` (a standard font name or a file). */
export function textWidth(text: string, size: number, font: string = TABLE_FONTS.regular): number {
  let cache = widthCache.get(font);
  if (!cache) {
    cache = new Map();
    widthCache.set(font, cache);
  }
  let width = cache.get(text);
  if (width === undefined) {
    width = measurer.font(font).fontSize(1).widthOfString(text);
    if (cache.size >= MAX_CACHED_WIDTHS) cache.clear();
    cache.set(text, width);
  }

  return width * size;
}

// Text that the standard fonts can print: printable ASCII, Latin-1 from U+00A0 to U+00FF, and the
// characters of Windows-1252 that are not Latin-1 (the standard fonts encode only this set).
const WIN_ANSI_TEXT = /^[\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]*$/;

const fontFiles = new Map<string, fontkit.Font>();

function openFont(file: string): fontkit.Font {
  let font = fontFiles.get(file);
  if (!font) {
    font = fontkit.create(readFileSync(file));
    fontFiles.set(file, font);
  }

  return font;
}

function hasGlyph(file: string, char: string): boolean {
  return openFont(file).hasGlyphForCodePoint(char.codePointAt(0) ?? 0);
}

// Ascender of Helvetica and Helvetica-Bold in thousandths of an em (pdfkit's AFM files).
const STANDARD_ASCENDER = 718;

/**
 * Returns the vertical offset in points that puts the baseline of text in `font` where Helvetica's
 * would be. pdfkit places text by the top of the ascender, which is taller in Geist and Noto Sans.
 */
export function baselineShift(font: string, size: number): number {
  if (font === TABLE_FONTS.regular || font === TABLE_FONTS.bold) return 0;

  const file = openFont(font);

  return ((STANDARD_ASCENDER - (file.ascent * 1000) / file.unitsPerEm) / 1000) * size;
}

/**
 * Replaces each character that `covers` rejects with the character without its accents when that
 * helps (ő becomes o) and otherwise with "?".
 */
function degrade(text: string, covers: (char: string) => boolean): string {
  let result = "";
  for (const char of text) {
    if (covers(char)) {
      result += char;
      continue;
    }
    const base = char.normalize("NFKD").replace(/\p{M}/gu, "");
    result += [...base].every(covers) && base !== "" ? base : "?";
  }

  return result;
}

/**
 * Chooses the font for `text`: the standard font when every character is in Windows-1252,
 * otherwise the first embedded font with a glyph for every character. When no font has them all,
 * Noto Sans draws the text, and a character it lacks loses its accents or becomes "?". Tabs and
 * line breaks become spaces.
 * NOTE: a section heading that mixes Greek and Latin prints right, but pdftotext reads some of
 * its letters back as missing (seen for p, z and α in Noto Sans Bold). Plain Latin names and
 * Latin with Latin Extended letters read back intact. The cause was not found.
 */
export function printable(text: string, weight: FontWeight = "regular"): PrintableText {
  if (WIN_ANSI_TEXT.test(text)) return { text, font: TABLE_FONTS[weight] };

  // Composed form, so that a letter typed as base and combining accent can still print in
  // Helvetica or match a precomposed glyph.
  const flat = text.normalize("NFC").replace(/[\t\n\r]/g, " ");
  if (WIN_ANSI_TEXT.test(flat)) return { text: flat, font: TABLE_FONTS[weight] };

  const files = EMBEDDED_FILES[weight];
  const chosen = files.find((file) => [...flat].every((char) => hasGlyph(file, char)));
  if (chosen) return { text: flat, font: chosen };

  const widest = files[files.length - 1];

  return { text: degrade(flat, (char) => hasGlyph(widest, char)), font: widest };
}

/** Splits `text` into lines no wider than `width` points, breaking at spaces or inside long words. */
export function wrapText(
  text: string,
  width: number,
  size: number,
  font: string = TABLE_FONTS.regular,
) {
  if (text === "" || textWidth(text, size, font) <= width) return [text];

  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, size, font) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    // A word wider than the column is cut into pieces that fit.
    while (textWidth(line, size, font) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && textWidth(line.slice(0, cut), size, font) > width) cut -= 1;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);

  return lines;
}
