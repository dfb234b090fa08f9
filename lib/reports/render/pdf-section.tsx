// Pages of a report section. react-pdf lays out a section's first page: company header, customer,
// balances and chart. The table on every page is painted on a Canvas (pdf-table.ts), and a
// continuation page is a single Canvas, so the number of nodes react-pdf lays out does not grow
// with the rows. Canvas text uses the standard fonts when it can (see pdf-fonts.ts).
import { Canvas, Image, Page, StyleSheet, Text, View } from "@react-pdf/renderer";

import { formatDate, formatMinutes } from "@/lib/i18n/format";

import { BALANCE_LABELS, REPORT_TITLES, type ReportBranding } from "../template";
import type { ReportData, ReportSection } from "../types";
import { PdfChart } from "./pdf-chart";
import { printable, textWidth } from "./pdf-fonts";
import {
  BOTTOM_MARGIN,
  CHART_HEIGHT,
  CONTINUATION_HEADER_HEIGHT,
  FOOTER_HEIGHT,
  MARGIN,
  TABLE_GAP,
} from "./pdf-pages";
import {
  drawText,
  paintRows,
  type Painter,
  type PreparedRow,
  type TableLayout,
  type TextRun,
} from "./pdf-table";

const styles = StyleSheet.create({
  page: {
    // Noto Sans draws the characters Geist has no glyph for, such as Greek letters.
    fontFamily: ["Geist", "Noto Sans"],
    fontSize: 8,
    paddingTop: MARGIN,
    paddingHorizontal: MARGIN,
    paddingBottom: BOTTOM_MARGIN,
    color: "#111827",
  },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: 10 },
  company: { fontSize: 11, fontWeight: "bold" },
  muted: { color: "#6b7280" },
  title: { fontSize: 14, fontWeight: "bold", marginBottom: 2 },
  summary: { flexDirection: "row", gap: 8, marginVertical: 8 },
  summaryBox: { flexGrow: 1, flexBasis: 0, borderWidth: 0.5, borderColor: "#d1d5db", padding: 6 },
  summaryValue: { fontSize: 11, fontWeight: "bold", marginTop: 2 },
});

const TEXT_COLOR = "#111827";
const MUTED_COLOR = "#6b7280";
const RULE_COLOR = "#e5e7eb";

export function periodText(period: { from: string; to: string }): string {
  // Noon UTC is the same calendar date in Rome, whatever the season.
  const from = formatDate(new Date(`${period.from}T12:00:00Z`));
  const to = formatDate(new Date(`${period.to}T12:00:00Z`));

  return `${from} – ${to}`;
}

export interface TablePage {
  data: ReportData;
  section: ReportSection;
  branding: ReportBranding;
  layout: TableLayout;
  header: PreparedRow;
  rows: PreparedRow[];
  // Totals on the section's last page, otherwise null.
  totals: PreparedRow | null;
  first: boolean;
  // The text at the right of the footer: template version and page number.
  footerMark: string;
  // Planned canvas height. The canvas gets a fixed size, because react-pdf otherwise runs `paint`
  // a second time to measure the drawing.
  canvasHeight: number;
}

function paintTable(painter: Painter, runs: TextRun[], page: TablePage, top: number) {
  const accent = page.branding.accentColor;
  let y = paintRows(
    painter,
    runs,
    page.layout,
    [page.header],
    { left: 0, top },
    {
      color: "#ffffff",
      background: accent,
      rule: null,
    },
  );
  y = paintRows(
    painter,
    runs,
    page.layout,
    page.rows,
    { left: 0, top: y },
    {
      color: TEXT_COLOR,
      rule: { position: "below", color: RULE_COLOR, width: 0.5 },
    },
  );
  if (page.totals) {
    paintRows(
      painter,
      runs,
      page.layout,
      [page.totals],
      { left: 0, top: y },
      {
        color: TEXT_COLOR,
        rule: { position: "above", color: TEXT_COLOR, width: 1 },
      },
    );
  }
}

function addFooter(runs: TextRun[], page: TablePage, height: number) {
  const y = height - FOOTER_HEIGHT + 8;
  const mark = printable(page.footerMark);
  const style = { y, size: 7, color: MUTED_COLOR };
  if (page.branding.footer) {
    const footer = printable(page.branding.footer.replace(/\s*\n\s*/g, " · "));
    runs.push({ ...footer, ...style, x: 0 });
  }
  runs.push({ ...mark, ...style, x: page.layout.width - textWidth(mark.text, 7, mark.font) });
}

function paintContinuationHeader(painter: Painter, runs: TextRun[], page: TablePage) {
  const { branding, data, section, layout } = page;
  const company = printable(branding.companyName, "bold");
  const right = printable(
    `${REPORT_TITLES[data.kind]} · ${section.customer.code} · ${periodText(data.period)}`,
  );
  runs.push({ ...company, x: 0, y: 0, size: 11, color: branding.accentColor });
  runs.push({
    ...right,
    x: layout.width - textWidth(right.text, 8, right.font),
    y: 2,
    size: 8,
    color: TEXT_COLOR,
  });
  painter.moveTo(0, 20).lineTo(layout.width, 20).lineWidth(0.5).stroke(RULE_COLOR);
}

function CustomerSummary({ page }: { page: TablePage }) {
  const { data, section, branding } = page;
  const { customer, balances } = section;
  const boxes = [
    [BALANCE_LABELS.opening, balances.opening],
    [BALANCE_LABELS.credits, balances.credits],
    [BALANCE_LABELS.debits, balances.debits],
    [BALANCE_LABELS.closing, balances.closing],
  ] as const;
  const details = [
    `Codice ${customer.code}`,
    customer.vatNumber && `P. IVA ${customer.vatNumber}`,
    customer.city,
  ];

  return (
    <View>
      <Text style={[styles.title, { color: branding.accentColor }]}>
        {REPORT_TITLES[data.kind]} — {customer.name}
      </Text>
      <Text style={styles.muted}>
        {details.filter(Boolean).join(" · ")} · Periodo {periodText(data.period)}
      </Text>
      <View style={styles.summary}>
        {boxes.map(([label, value]) => (
          <View key={label} style={styles.summaryBox}>
            <Text style={styles.muted}>{label}</Text>
            <Text style={styles.summaryValue}>{formatMinutes(value)}</Text>
          </View>
        ))}
      </View>
      <PdfChart chart={section.chart} width={page.layout.width} height={CHART_HEIGHT} />
    </View>
  );
}

function CompanyHeader({ page }: { page: TablePage }) {
  const { branding, data, section } = page;
  const logo = branding.logo;

  return (
    <View style={styles.header}>
      <View style={{ maxWidth: 280 }}>
        {logo && (
          // eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image has no alt attribute.
          <Image
            src={{
              data: Buffer.from(logo.data),
              format: logo.mime === "image/png" ? "png" : "jpg",
            }}
            style={{ height: 28, marginBottom: 4, objectFit: "contain", objectPosition: "left" }}
          />
        )}
        <Text style={[styles.company, { color: branding.accentColor }]}>
          {branding.companyName}
        </Text>
        {branding.header && <Text style={styles.muted}>{branding.header}</Text>}
      </View>
      <View style={{ alignItems: "flex-end" }}>
        <Text>{REPORT_TITLES[data.kind]}</Text>
        <Text style={styles.muted}>
          {section.customer.code} · {periodText(data.period)}
        </Text>
      </View>
    </View>
  );
}

/** Renders one page of a section, with header, summary and chart above the table on the first. */
export function SectionPage({ page }: { page: TablePage }) {
  if (page.first) {
    return (
      <Page size={page.branding.paperSize} style={styles.page}>
        <CompanyHeader page={page} />
        <CustomerSummary page={page} />
        {/* The canvas grows when the block above it is shorter than estimated, so the footer
            stays at the bottom of the page. */}
        <Canvas
          style={{
            width: page.layout.width,
            height: page.canvasHeight,
            flexGrow: 1,
            marginTop: TABLE_GAP,
          }}
          paint={(painter: Painter, _width: number, height: number) => {
            const runs: TextRun[] = [];
            paintTable(painter, runs, page, 0);
            addFooter(runs, page, height);
            drawText(painter, runs);

            return null;
          }}
        />
      </Page>
    );
  }

  return (
    <Page size={page.branding.paperSize} style={styles.page}>
      <Canvas
        style={{ width: page.layout.width, height: page.canvasHeight }}
        paint={(painter: Painter) => {
          const runs: TextRun[] = [];
          paintContinuationHeader(painter, runs, page);
          paintTable(painter, runs, page, CONTINUATION_HEADER_HEIGHT);
          addFooter(runs, page, page.canvasHeight);
          drawText(painter, runs);

          return null;
        }}
      />
    </Page>
  );
}
