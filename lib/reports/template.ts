// Branding and column choice of a report document. Administrators will edit these per report in
// ReportTemplate rows; until then every report uses the defaults below.
import type { ReportKind } from "./types";

export interface ReportBranding {
  companyName: string;
  header: string | null;
  footer: string | null;
  logo: { data: Uint8Array; mime: "image/png" | "image/jpeg" } | null;
  // Hex colour (#rrggbb) of titles, table headers and the first chart series.
  accentColor: string;
  paperSize: "A4" | "LETTER";
  // Column keys in display order; unknown keys are ignored.
  fields: string[] | null;
  // Column labels that replace the defaults, keyed by column key.
  labels: Record<string, string>;
}

export const DEFAULT_BRANDING: ReportBranding = {
  companyName: "Assist Billing",
  header: null,
  footer: null,
  logo: null,
  accentColor: "#1d4ed8",
  paperSize: "A4",
  fields: null,
  labels: {},
};

// Document titles stay Italian in every UI language: the files are attached to Italian invoices.
export const REPORT_TITLES: Record<ReportKind, string> = {
  SESSIONS: "Report teleassistenze",
  TOP_UPS: "Report ricariche",
  STATEMENT: "Estratto conto",
};

export const LEDGER_KIND_LABELS = {
  TOP_UP: "Ricarica teleassistenza",
  POSTPAID_BILLING: "Fatturazione a consuntivo",
  ADJUSTMENT: "Variazione saldo",
  SESSION: "Teleassistenza",
} as const;

export const BALANCE_LABELS = {
  opening: "Saldo iniziale",
  credits: "Accrediti",
  debits: "Addebiti",
  closing: "Saldo finale",
  total: "Totale",
} as const;

/** Fills the missing parts of a partial branding with the defaults. */
export function withDefaults(branding: Partial<ReportBranding> = {}): ReportBranding {
  return { ...DEFAULT_BRANDING, ...branding, labels: { ...branding.labels } };
}
