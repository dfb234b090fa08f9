// One PDF page of a report section: company header, on the first page the customer, balances
// and chart, then a slice of the table. Pages are planned in pdf-pages.ts and never wrap.
import { Image, Page, StyleSheet, Text, View } from "@react-pdf/renderer";

import { formatDate, formatMinutes } from "@/lib/i18n/format";

import type { ReportTable } from "../table";
import { BALANCE_LABELS, REPORT_TITLES, type ReportBranding } from "../template";
import type { ReportData, ReportSection } from "../types";
import type { PageLayout } from "./pdf-pages";
import { PdfChart } from "./pdf-chart";

// A4 is 595 × 842 pt. Heights left for rows after the header (about 60 pt), the footer and, on
// the first page, the title, balances and chart (about 250 pt).
export const PAGE_LAYOUT: PageLayout = {
  firstPageHeight: 440,
  otherPageHeight: 690,
  tableWidth: 531,
};

const styles = StyleSheet.create({
  page: { fontFamily: "Geist", fontSize: 8, padding: 32, paddingBottom: 40, color: "#111827" },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: 10 },
  company: { fontSize: 11, fontWeight: "bold" },
  muted: { color: "#6b7280" },
  title: { fontSize: 14, fontWeight: "bold", marginBottom: 2 },
  summary: { flexDirection: "row", gap: 8, marginVertical: 8 },
  summaryBox: { flexGrow: 1, flexBasis: 0, borderWidth: 0.5, borderColor: "#d1d5db", padding: 6 },
  summaryValue: { fontSize: 11, fontWeight: "bold", marginTop: 2 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#e5e7eb" },
  headerRow: { flexDirection: "row", color: "#ffffff", fontWeight: "bold" },
  totalsRow: { flexDirection: "row", fontWeight: "bold", borderTopWidth: 1 },
  cell: { paddingVertical: 2, paddingHorizontal: 3 },
  footer: {
    position: "absolute",
    bottom: 16,
    left: 32,
    right: 32,
    flexDirection: "row",
    justifyContent: "space-between",
    color: "#6b7280",
    fontSize: 7,
  },
});

const NUMERIC = new Set(["integer", "decimal"]);

type ViewStyle = React.ComponentProps<typeof View>["style"];

function TableRow(props: { cells: string[]; table: ReportTable; style: ViewStyle }) {
  const { cells, table, style } = props;
  const totalWidth = table.columns.reduce((sum, column) => sum + column.width, 0);

  return (
    <View style={style}>
      {cells.map((text, index) => {
        const column = table.columns[index];
        const align = NUMERIC.has(column.type) ? "right" : "left";

        return (
          <Text
            key={column.key}
            style={[
              styles.cell,
              { width: `${(column.width / totalWidth) * 100}%`, textAlign: align },
            ]}
          >
            {text}
          </Text>
        );
      })}
    </View>
  );
}

function periodText(period: { from: string; to: string }): string {
  // Noon UTC is the same calendar date in Rome, whatever the season.
  const from = formatDate(new Date(`${period.from}T12:00:00Z`));
  const to = formatDate(new Date(`${period.to}T12:00:00Z`));

  return `${from} – ${to}`;
}

function CustomerSummary({
  data,
  section,
  accent,
}: {
  data: ReportData;
  section: ReportSection;
  accent: string;
}) {
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
      <Text style={[styles.title, { color: accent }]}>
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
      <PdfChart chart={section.chart} width={PAGE_LAYOUT.tableWidth} height={150} />
    </View>
  );
}

export interface SectionPageProps {
  data: ReportData;
  section: ReportSection;
  branding: ReportBranding;
  table: ReportTable;
  rows: string[][];
  // Formatted totals on the section's last page, otherwise null.
  totals: string[] | null;
  first: boolean;
  pageNumber: number;
  pageCount: number;
}

export function SectionPage(props: SectionPageProps) {
  const { data, section, branding, table, rows, totals } = props;
  const accent = branding.accentColor;
  const logo = branding.logo;

  return (
    <Page size={branding.paperSize} style={styles.page} wrap={false}>
      <View style={styles.header}>
        <View>
          {logo && (
            // eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image has no alt attribute.
            <Image
              src={{
                data: Buffer.from(logo.data),
                format: logo.mime === "image/png" ? "png" : "jpg",
              }}
              style={{ height: 28, marginBottom: 4, objectFit: "contain" }}
            />
          )}
          <Text style={[styles.company, { color: accent }]}>{branding.companyName}</Text>
          {branding.header && <Text style={styles.muted}>{branding.header}</Text>}
        </View>
        <View style={{ alignItems: "flex-end" }}>
          <Text>{REPORT_TITLES[data.kind]}</Text>
          <Text style={styles.muted}>
            {section.customer.code} · {periodText(data.period)}
          </Text>
        </View>
      </View>

      {props.first && <CustomerSummary data={data} section={section} accent={accent} />}

      <View style={{ marginTop: 8 }}>
        <TableRow
          cells={table.columns.map((column) => column.label)}
          table={table}
          style={[styles.headerRow, { backgroundColor: accent }]}
        />
        {rows.map((cells, index) => (
          <TableRow key={index} cells={cells} table={table} style={styles.row} />
        ))}
        {totals && <TableRow cells={totals} table={table} style={styles.totalsRow} />}
      </View>

      <View style={styles.footer}>
        <Text>{branding.footer ?? ""}</Text>
        <Text>
          Pagina {props.pageNumber} di {props.pageCount}
        </Text>
      </View>
    </Page>
  );
}
