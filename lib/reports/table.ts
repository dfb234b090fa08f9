// The table of a section as typed columns and cells. Every renderer draws this table, so the
// columns, their order, labels and totals are decided once, here.
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatDateTime } from "@/lib/i18n/format";

import { BALANCE_LABELS, LEDGER_KIND_LABELS, type ReportBranding } from "./template";
import type { ReportSection } from "./types";

export type CellType = "date" | "datetime" | "text" | "integer" | "decimal";
export type Cell = Date | string | number | null;

export interface Column {
  key: string;
  label: string;
  type: CellType;
  // Relative width, used by the PDF and Word layouts.
  width: number;
  // Whether the totals row shows the sum of this column.
  summed: boolean;
}

export interface ReportTable {
  columns: Column[];
  rows: Cell[][];
  // Same length as columns: the label in the first text column, sums in summed columns.
  totals: Cell[];
}

type ColumnDef = Omit<Column, "label"> & { label: string; value: (row: never) => Cell };

function col<Row>(
  key: string,
  label: string,
  type: CellType,
  width: number,
  value: (row: Row) => Cell,
  summed = false,
): ColumnDef {
  return { key, label, type, width, summed, value: value as (row: never) => Cell };
}

const COLUMNS: Record<ReportSection["kind"], ColumnDef[]> = {
  SESSIONS: [
    col<{ startedAt: Date }>("startedAt", "Data e ora", "datetime", 14, (row) => row.startedAt),
    col<{ code: string }>("code", "Codice sessione", "text", 14, (row) => row.code),
    col<{ operator: string | null }>("operator", "Operatore", "text", 16, (row) => row.operator),
    col<{ seconds: number }>(
      "realMinutes",
      "Minuti reali",
      "decimal",
      9,
      (row) => Math.round(row.seconds / 6) / 10,
      true,
    ),
    col<{ billedMinutes: number }>(
      "billedMinutes",
      "Minuti fatturati",
      "integer",
      9,
      (row) => row.billedMinutes,
      true,
    ),
    col<{ notes: string | null }>("notes", "Note", "text", 38, (row) => row.notes),
  ],
  TOP_UPS: [
    col<{ occurredAt: Date }>("occurredAt", "Data", "date", 10, (row) => row.occurredAt),
    col<{ kind: keyof typeof LEDGER_KIND_LABELS }>(
      "kind",
      "Tipo",
      "text",
      18,
      (row) => LEDGER_KIND_LABELS[row.kind],
    ),
    col<{ minutes: number }>("minutes", "Minuti", "integer", 9, (row) => row.minutes, true),
    col<{ contract: string | null }>("contract", "Contratto", "text", 13, (row) => row.contract),
    col<{ author: string | null }>("author", "Autore", "text", 16, (row) => row.author),
    col<{ comment: string | null }>("comment", "Commento", "text", 34, (row) => row.comment),
  ],
  STATEMENT: [
    col<{ occurredAt: Date }>("occurredAt", "Data", "date", 10, (row) => row.occurredAt),
    col<{ kind: keyof typeof LEDGER_KIND_LABELS }>(
      "kind",
      "Movimento",
      "text",
      18,
      (row) => LEDGER_KIND_LABELS[row.kind],
    ),
    col<{ reference: string | null }>(
      "reference",
      "Riferimento",
      "text",
      14,
      (row) => row.reference,
    ),
    col<{ comment: string | null }>("comment", "Commento", "text", 31, (row) => row.comment),
    col<{ credit: number }>("credit", "Accrediti", "integer", 9, (row) => row.credit || null, true),
    col<{ debit: number }>("debit", "Addebiti", "integer", 9, (row) => row.debit || null, true),
    col<{ balance: number }>("balance", "Saldo", "integer", 9, (row) => row.balance),
  ],
};

// English default labels; the Italian ones are in COLUMNS.
const ENGLISH_LABELS: Record<string, string> = {
  startedAt: "Date and time",
  code: "Session code",
  operator: "Operator",
  realMinutes: "Real minutes",
  billedMinutes: "Billed minutes",
  notes: "Notes",
  occurredAt: "Date",
  kind: "Kind",
  minutes: "Minutes",
  contract: "Contract",
  author: "Author",
  comment: "Comment",
  reference: "Reference",
  credit: "Credits",
  debit: "Debits",
  balance: "Balance",
};

/** Returns the column keys a report kind offers, in the default order. */
export function columnKeys(kind: ReportSection["kind"]): string[] {
  return COLUMNS[kind].map((column) => column.key);
}

/** Returns the default label of every column of `kind` in `locale`, keyed by column key. */
export function columnLabels(kind: ReportSection["kind"], locale: Locale): Record<string, string> {
  return Object.fromEntries(
    COLUMNS[kind].map((column) => [
      column.key,
      locale === "en" ? (ENGLISH_LABELS[column.key] ?? column.label) : column.label,
    ]),
  );
}

/** Builds the table of a section with the columns and labels chosen in `branding`. */
export function buildTable(section: ReportSection, branding: ReportBranding): ReportTable {
  const definitions = COLUMNS[section.kind];
  const chosen = branding.fields
    ? branding.fields.flatMap((key) => definitions.filter((column) => column.key === key))
    : definitions;
  const selected = chosen.length > 0 ? chosen : definitions;

  const columns = selected.map(({ key, type, width, summed, label }) => ({
    key,
    type,
    width,
    summed,
    label: branding.labels[key] ?? label,
  }));
  const rows = (section.rows as never[]).map((row) => selected.map((column) => column.value(row)));
  const totals = columns.map<Cell>((column, index) =>
    column.summed ? rows.reduce((total, row) => total + Number(row[index] ?? 0), 0) : null,
  );
  roundDecimals(columns, totals);

  const labelIndex = columns.findIndex((column) => !column.summed);
  if (labelIndex >= 0) totals[labelIndex] = BALANCE_LABELS.total;
  if (section.kind === "STATEMENT") {
    const balanceIndex = columns.findIndex((column) => column.key === "balance");
    if (balanceIndex >= 0) totals[balanceIndex] = section.balances.closing;
  }

  return { columns, rows, totals };
}

// Sums of one-decimal values pick up binary rounding noise (0.1 + 0.2), so they are rounded back.
function roundDecimals(columns: Column[], totals: Cell[]) {
  columns.forEach((column, index) => {
    if (column.type === "decimal" && typeof totals[index] === "number") {
      totals[index] = Math.round((totals[index] as number) * 10) / 10;
    }
  });
}

const integerFormat = new Intl.NumberFormat("it-IT", {
  maximumFractionDigits: 0,
  useGrouping: true,
});
const decimalFormat = new Intl.NumberFormat("it-IT", {
  useGrouping: true,
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** Formats a cell as text the way the HTML and PDF show it. */
export function formatCell(cell: Cell, type: CellType): string {
  if (cell === null) return "";
  if (cell instanceof Date) return type === "datetime" ? formatDateTime(cell) : formatDate(cell);
  if (typeof cell === "number") {
    return type === "decimal" ? decimalFormat.format(cell) : integerFormat.format(cell);
  }

  return cell;
}
