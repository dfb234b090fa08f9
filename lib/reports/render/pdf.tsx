// PDF export with @react-pdf/renderer. Fonts are the Geist TTF files of the `geist` package and
// the Noto Sans files of `@expo-google-fonts/noto-sans`, so rendering needs no network and names
// in any Latin, Greek or Cyrillic alphabet print the same on every machine.
import { Document, Font, renderToBuffer } from "@react-pdf/renderer";

import { buildTable, formatCell } from "../table";
import { REPORT_TITLES, type ReportBranding, templateMark } from "../template";
import type { ReportData } from "../types";
import { GEIST_FILES, NOTO_SANS_FILES } from "./pdf-fonts";
import { CONTINUATION_HEADER_HEIGHT, FOOTER_HEIGHT, pageLayout, planPages } from "./pdf-pages";
import { SectionPage, type TablePage } from "./pdf-section";
import { prepareRow, tableLayout } from "./pdf-table";

Font.register({
  family: "Geist",
  fonts: [{ src: GEIST_FILES.regular }, { src: GEIST_FILES.bold, fontWeight: "bold" }],
});
Font.register({
  family: "Noto Sans",
  fonts: [{ src: NOTO_SANS_FILES.regular }, { src: NOTO_SANS_FILES.bold, fontWeight: "bold" }],
});
// Italian words must not be split with react-pdf's default English hyphenation.
Font.registerHyphenationCallback((word) => [word]);

/** Renders the report as a PDF: per customer, a first page with summary and chart, then rows. */
export async function renderPdf(data: ReportData, branding: ReportBranding): Promise<Uint8Array> {
  const geometry = pageLayout(branding.paperSize, {
    headerLines: [branding.header ?? ""].flatMap((text) => text.split("\n")).filter(Boolean),
    logo: branding.logo !== null,
  });
  const pages: Omit<TablePage, "footerMark">[] = [];

  for (const section of data.sections) {
    const table = buildTable(section, branding);
    const layout = tableLayout(table, geometry.tableWidth);
    const format = (cells: typeof table.totals) =>
      cells.map((cell, index) => formatCell(cell, table.columns[index].type));
    const header = prepareRow(
      table.columns.map((column) => column.label),
      layout,
      "bold",
    );
    const rows = table.rows.map((cells) => prepareRow(format(cells), layout));
    const totals = prepareRow(format(table.totals), layout, "bold");
    const fixed = header.height + FOOTER_HEIGHT;
    const plan = planPages(
      rows.map((row) => row.height),
      {
        first: geometry.firstCanvasHeight - fixed,
        other: geometry.otherCanvasHeight - CONTINUATION_HEADER_HEIGHT - fixed,
        totals: totals.height,
      },
    );

    plan.forEach((indexes, index) => {
      pages.push({
        data,
        section,
        branding,
        layout,
        header,
        rows: indexes.map((rowIndex) => rows[rowIndex]),
        totals: index === plan.length - 1 ? totals : null,
        first: index === 0,
        canvasHeight: index === 0 ? geometry.firstCanvasHeight : geometry.otherCanvasHeight,
      });
    });
  }

  const mark = templateMark(branding);
  const document = (
    <Document
      title={REPORT_TITLES[data.kind]}
      author={branding.companyName}
      creator={branding.companyName}
      subject={`${REPORT_TITLES[data.kind]} ${data.period.from} – ${data.period.to}`}
      keywords={mark}
      language="it"
    >
      {pages.map((page, index) => (
        <SectionPage
          key={index}
          page={{ ...page, footerMark: `${mark} · Pagina ${index + 1} di ${pages.length}` }}
        />
      ))}
    </Document>
  );

  return new Uint8Array(await renderToBuffer(document));
}
