// The one report data structure. lib/reports/assemble-report.ts fills it from the database; every
// renderer and the HTML preview read only this, so all formats show the same numbers.
import type { Granularity } from "@/lib/domain/periods";

export const REPORT_KINDS = ["SESSIONS", "TOP_UPS", "STATEMENT"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export type CreditKind = "TOP_UP" | "POSTPAID_BILLING" | "ADJUSTMENT";
export type LedgerKind = CreditKind | "SESSION";

export interface ReportCustomer {
  id: string;
  code: string;
  name: string;
  vatNumber: string | null;
  address: string | null;
  city: string | null;
}

export interface SessionRow {
  startedAt: Date;
  code: string;
  operator: string | null;
  // Real duration; minutes with decimals so that short sessions do not read as zero.
  seconds: number;
  billedMinutes: number;
  notes: string | null;
}

export interface TopUpRow {
  occurredAt: Date;
  kind: CreditKind;
  // Signed: a negative adjustment or a reversal lowers the balance.
  minutes: number;
  contract: string | null;
  author: string | null;
  comment: string | null;
}

export interface StatementRow {
  occurredAt: Date;
  kind: LedgerKind;
  // Session code for SESSION entries, otherwise the contract number.
  reference: string | null;
  comment: string | null;
  credit: number;
  debit: number;
  balance: number;
}

export interface Balances {
  opening: number;
  // Positive ledger changes in the period, as a positive number.
  credits: number;
  // Negative ledger changes in the period, as a positive number.
  debits: number;
  closing: number;
}

export interface ChartBucket {
  key: string;
  // Short label for an axis: 30/11, S49 2026, nov 2026.
  label: string;
  values: Record<string, number>;
}

export interface Chart {
  granularity: Granularity;
  series: { key: string; label: string; color: string }[];
  buckets: ChartBucket[];
}

interface SectionBase {
  customer: ReportCustomer;
  balances: Balances;
  chart: Chart;
}

export interface SessionsSection extends SectionBase {
  kind: "SESSIONS";
  rows: SessionRow[];
  totals: { count: number; seconds: number; billedMinutes: number };
}

export interface TopUpsSection extends SectionBase {
  kind: "TOP_UPS";
  rows: TopUpRow[];
  totals: { count: number; minutes: number; byKind: Record<CreditKind, number> };
}

export interface StatementSection extends SectionBase {
  kind: "STATEMENT";
  rows: StatementRow[];
  totals: { count: number; credits: number; debits: number };
}

export type ReportSection = SessionsSection | TopUpsSection | StatementSection;

export interface ReportData {
  kind: ReportKind;
  period: { from: string; to: string; granularity: Granularity };
  // Null when the report covers all customers, with one section per customer.
  customerCode: string | null;
  generatedAt: Date;
  sections: ReportSection[];
}
