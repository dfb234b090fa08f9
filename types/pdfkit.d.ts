// The part of pdfkit 0.20 (which ships no types) that lib/reports/render/pdf-fonts.ts uses to
// measure text in the standard PDF fonts and in TTF files (`font` takes a name or a file path).
declare module "pdfkit" {
  export default class PDFDocument {
    constructor(options?: { autoFirstPage?: boolean });
    font(name: string): this;
    fontSize(size: number): this;
    widthOfString(text: string): number;
  }
}
