// The part of fontkit 2 (which ships no types) that lib/reports/render/pdf-fonts.ts uses to check
// which characters a TTF file has glyphs for and where its baseline sits.
declare module "fontkit" {
  export interface Font {
    ascent: number;
    unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }

  export function create(buffer: Buffer): Font;
}
