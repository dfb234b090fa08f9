// PDF export with @react-pdf/renderer. Fonts are the Geist TTF files of the `geist` package, so
// rendering needs no network and accented Italian text prints the same on every machine.
import path from "node:path";

import { Document, Font, renderToBuffer } from "@react-pdf/renderer";

import { buildTable, formatCell } from "../table";
import { REPORT_TITLES, type ReportBranding } from "../template";
import type { ReportData } from "../types";
import { planPages, rowHeight } from "./pdf-pages";
import { PAGE_LAYOUT, SectionPage, type SectionPageProps } from "./pdf-section";

const FONT_DIR = path.join(process.cwd(), "node_modules", "geist", "dist", "fonts", "geist-sans");

Font.register({
  family: "Geist",
  fonts: [
    { src: path.join(FONT_DIR, "Geist-Regular.ttf") },
    { src: path.join(FONT_DIR, "Geist-Bold.ttf"), fontWeight: "bold" },
  ],
});
// Italian words must not be split with react-pdf's default English hyphenation.
Font.registerHyphenationCallback((word) => [word]);

/** Renders the report as a PDF: per customer, a first page with summary and chart, then rows. */
export async function renderPdf(data: ReportData, branding: ReportBranding): Promise<Uint8Array> {
  const pages: Omit<SectionPageProps, "pageNumber" | "pageCount">[] = [];

  for (const section of data.sections) {
    const table = buildTable(section, branding);
    const formatted = table.rows.map((row) =>
      row.map((cell, index) => formatCell(cell, table.columns[index].type)),
    );
    const totals = table.totals.map((cell, index) => formatCell(cell, table.columns[index].type));
    const heights = formatted.map((cells) => rowHeight(cells, table, PAGE_LAYOUT.tableWidth));
    const plan = planPages(heights, rowHeight(totals, table, PAGE_LAYOUT.tableWidth), PAGE_LAYOUT);

    plan.forEach((indexes, index) => {
      pages.push({
        data,
        section,
        branding,
        table,
        rows: indexes.map((rowIndex) => formatted[rowIndex]),
        totals: index === plan.length - 1 ? totals : null,
        first: index === 0,
      });
    });
  }

  const document = (
    <Document title={REPORT_TITLES[data.kind]} author={branding.companyName} language="it">
      {pages.map((page, index) => (
        <SectionPage key={index} {...page} pageNumber={index + 1} pageCount={pages.length} />
      ))}
    </Document>
  );

  return new Uint8Array(await renderToBuffer(document));
}
