// Word export with the docx package: company header, customer and balances, the chart as an SVG
// image with a PNG fallback (Word versions before 2016 show only PNG), the table and its totals.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import sharp from "sharp";

import { formatCalendarDate, formatMinutes } from "@/lib/i18n/format";

import { buildTable, formatCell } from "../table";
import { BALANCE_LABELS, REPORT_TITLES, type ReportBranding } from "../template";
import type { ReportData, ReportSection } from "../types";
import { chartSvg } from "./chart";

const CHART_SIZE = { width: 600, height: 210 };

function cellParagraph(text: string, options: { bold?: boolean; right?: boolean; color?: string }) {
  return new Paragraph({
    alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: [new TextRun({ text, bold: options.bold, color: options.color, size: 16 })],
  });
}

function sectionTable(section: ReportSection, branding: ReportBranding): Table {
  const table = buildTable(section, branding);
  const totalWidth = table.columns.reduce((sum, column) => sum + column.width, 0);
  const accent = branding.accentColor.replace("#", "");
  const numeric = table.columns.map(
    (column) => column.type === "integer" || column.type === "decimal",
  );
  const widthOf = (index: number) => ({
    size: Math.round((table.columns[index].width / totalWidth) * 5000),
    type: WidthType.PERCENTAGE,
  });

  const header = new TableRow({
    tableHeader: true,
    children: table.columns.map(
      (column, index) =>
        new TableCell({
          width: widthOf(index),
          shading: { type: ShadingType.CLEAR, fill: accent, color: "auto" },
          children: [
            cellParagraph(column.label, { bold: true, color: "FFFFFF", right: numeric[index] }),
          ],
        }),
    ),
  });
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      children: cells.map(
        (text, index) =>
          new TableCell({
            width: widthOf(index),
            children: [cellParagraph(text, { bold, right: numeric[index] })],
          }),
      ),
    });
  const format = (cells: (typeof table.rows)[number]) =>
    cells.map((cell, index) => formatCell(cell, table.columns[index].type));

  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      header,
      ...table.rows.map((cells) => row(format(cells), false)),
      row(format(table.totals), true),
    ],
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

async function sectionChildren(data: ReportData, section: ReportSection, branding: ReportBranding) {
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
    sectionTable(section, branding),
  ];
}

/** Renders the report as a .docx document, one Word section per customer. */
export async function renderDocx(data: ReportData, branding: ReportBranding): Promise<Uint8Array> {
  const headerLines = [branding.companyName, branding.header].filter((line): line is string =>
    Boolean(line),
  );
  const header = new Header({
    children: headerLines.map(
      (text, index) =>
        new Paragraph({
          children: [new TextRun({ text, bold: index === 0, size: index === 0 ? 22 : 16 })],
        }),
    ),
  });
  const footerText = branding.footer;

  const sections = await Promise.all(
    data.sections.map(async (section) => ({
      headers: { default: header },
      footers: footerText
        ? {
            default: new Footer({
              children: [
                new Paragraph({ children: [new TextRun({ text: footerText, size: 14 })] }),
              ],
            }),
          }
        : undefined,
      children: await sectionChildren(data, section, branding),
    })),
  );
  const document = new Document({
    creator: branding.companyName,
    title: REPORT_TITLES[data.kind],
    styles: { default: { document: { run: { font: "Calibri" } } } },
    sections,
  });

  return new Uint8Array(await Packer.toBuffer(document));
}
