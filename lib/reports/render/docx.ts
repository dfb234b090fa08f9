// Word export with the docx package: company header with logo, customer and balances, the chart
// as an SVG image with a PNG fallback (Word versions before 2016 show only PNG), the table and its
// totals. The tables are written as XML (docx-table.ts), because building them from the docx
// package's objects is slow.
import { Document, Footer, Header, ImageRun, Packer, Paragraph, TextRun } from "docx";
import { strFromU8, unzipSync } from "fflate";
import sharp from "sharp";

import { formatCalendarDate, formatMinutes } from "@/lib/i18n/format";

import { buildTable, formatCell } from "../table";
import {
  BALANCE_LABELS,
  type PaperSize,
  REPORT_TITLES,
  type ReportBranding,
  templateMark,
} from "../template";
import type { ReportData, ReportSection } from "../types";
import { chartSvg } from "./chart";
import { tableXml } from "./docx-table";

const CHART_SIZE = { width: 600, height: 210 };

// Page sizes in twips (1/20 pt) and the margins the docx package sets by default (1 inch).
const PAGE_SIZES: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 11906, height: 16838 },
  LETTER: { width: 12240, height: 15840 },
  A3: { width: 16838, height: 23811 },
};
const PAGE_MARGIN = 1440;
const LOGO_HEIGHT = 40;

// Stands in for a section's table while the docx package builds the document; tableXml's output
// replaces the paragraph that contains it.
const tableMarker = (index: number) => `__REPORT_TABLE_${index}__`;

function sectionTableXml(section: ReportSection, branding: ReportBranding): string {
  const table = buildTable(section, branding);
  const format = (cells: (typeof table.rows)[number]) =>
    cells.map((cell, index) => formatCell(cell, table.columns[index].type));

  return tableXml({
    table,
    header: table.columns.map((column) => column.label),
    rows: table.rows.map(format),
    totals: format(table.totals),
    accent: branding.accentColor.replace("#", "").toUpperCase(),
    textWidth: PAGE_SIZES[branding.paperSize].width - 2 * PAGE_MARGIN,
  });
}

async function chartImage(section: ReportSection): Promise<ImageRun> {
  const svg = Buffer.from(chartSvg(section.chart, CHART_SIZE.width, CHART_SIZE.height));
  const png = await sharp(svg).png().toBuffer();

  return new ImageRun({
    type: "svg",
    data: svg,
    fallback: { type: "png", data: png },
    transformation: CHART_SIZE,
  });
}

async function sectionChildren(
  data: ReportData,
  section: ReportSection,
  branding: ReportBranding,
  index: number,
) {
  const { customer, balances } = section;
  const balanceLine = [
    [BALANCE_LABELS.opening, balances.opening],
    [BALANCE_LABELS.credits, balances.credits],
    [BALANCE_LABELS.debits, balances.debits],
    [BALANCE_LABELS.closing, balances.closing],
  ]
    .map(([label, value]) => `${label}: ${formatMinutes(Number(value))}`)
    .join("   ");

  return [
    new Paragraph({
      children: [
        new TextRun({
          text: `${REPORT_TITLES[data.kind]} — ${customer.name}`,
          bold: true,
          size: 28,
          color: branding.accentColor.replace("#", ""),
        }),
      ],
    }),
    new Paragraph({
      children: [
        new TextRun({
          text: `Codice ${customer.code} · Periodo ${formatCalendarDate(data.period.from)} – ${formatCalendarDate(data.period.to)}`,
          size: 18,
        }),
      ],
    }),
    new Paragraph({
      spacing: { before: 120, after: 120 },
      children: [new TextRun({ text: balanceLine, bold: true, size: 18 })],
    }),
    new Paragraph({ children: [await chartImage(section)] }),
    new Paragraph({ children: [new TextRun(tableMarker(index))] }),
  ];
}

async function logoImage(logo: NonNullable<ReportBranding["logo"]>): Promise<ImageRun> {
  const { width = 1, height = 1 } = await sharp(Buffer.from(logo.data)).metadata();

  return new ImageRun({
    type: logo.mime === "image/png" ? "png" : "jpg",
    data: Buffer.from(logo.data),
    transformation: { width: Math.round((width / height) * LOGO_HEIGHT), height: LOGO_HEIGHT },
  });
}

async function pageHeader(branding: ReportBranding): Promise<Header> {
  const lines = [branding.companyName, ...(branding.header?.split("\n") ?? [])];
  const paragraphs = lines.map(
    (text, index) =>
      new Paragraph({
        children: [new TextRun({ text, bold: index === 0, size: index === 0 ? 22 : 16 })],
      }),
  );
  if (branding.logo) {
    paragraphs.unshift(new Paragraph({ children: [await logoImage(branding.logo)] }));
  }

  return new Header({ children: paragraphs });
}

function pageFooter(branding: ReportBranding): Footer {
  const text = [branding.footer, templateMark(branding)].filter(Boolean).join(" · ");

  return new Footer({
    children: [new Paragraph({ children: [new TextRun({ text, size: 14 })] })],
  });
}

/** Replaces each table marker paragraph of the document XML with the section's table. */
function insertTables(documentXml: string, tables: string[]): string {
  let xml = documentXml;
  tables.forEach((table, index) => {
    const marker = xml.indexOf(tableMarker(index));
    if (marker < 0) throw new Error(`table marker ${index} missing from the Word document`);
    const start = Math.max(xml.lastIndexOf("<w:p>", marker), xml.lastIndexOf("<w:p ", marker));
    const end = xml.indexOf("</w:p>", marker) + "</w:p>".length;
    xml = xml.slice(0, start) + table + xml.slice(end);
  });

  return xml;
}

/** Renders the report as a .docx document, one Word section per customer. */
export async function renderDocx(data: ReportData, branding: ReportBranding): Promise<Uint8Array> {
  const header = await pageHeader(branding);
  const footer = pageFooter(branding);
  const page = { size: PAGE_SIZES[branding.paperSize] };

  const sections = await Promise.all(
    data.sections.map(async (section, index) => ({
      properties: { page },
      headers: { default: header },
      footers: { default: footer },
      children: await sectionChildren(data, section, branding, index),
    })),
  );
  const mark = templateMark(branding);
  const document = new Document({
    creator: branding.companyName,
    title: REPORT_TITLES[data.kind],
    description: `${REPORT_TITLES[data.kind]} ${data.period.from} – ${data.period.to}, ${mark}`,
    keywords: mark,
    styles: { default: { document: { run: { font: "Calibri" } } } },
    sections,
  });

  // The document is packed once with markers, then again with the tables written into its XML.
  const draft = unzipSync(new Uint8Array(await Packer.toBuffer(document)));
  const documentXml = insertTables(
    strFromU8(draft["word/document.xml"]),
    data.sections.map((section) => sectionTableXml(section, branding)),
  );
  const bytes = await Packer.toBuffer(document, false, [
    { path: "word/document.xml", data: documentXml },
  ]);

  return new Uint8Array(bytes);
}
