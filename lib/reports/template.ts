// Branding and column choice of a report document. Administrators edit these per report in
// versioned ReportTemplate rows (lib/db/report-templates.ts); a report without a saved template
// uses the defaults below.
import type { ReportKind } from "./types";

export const PAPER_SIZES = ["A4", "LETTER", "A3"] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export type LogoMime = "image/png" | "image/jpeg";

export interface ReportBranding {
  companyName: string;
  // Issuer lines under the company name, such as the address and the VAT number.
  header: string | null;
  footer: string | null;
  logo: { data: Uint8Array; mime: LogoMime } | null;
  // Hex colour (#rrggbb) of titles, table headers and the first chart series.
  accentColor: string;
  paperSize: PaperSize;
  // Column keys in display order; unknown keys are ignored.
  fields: string[] | null;
  // Column labels that replace the defaults, keyed by column key.
  labels: Record<string, string>;
  // Version of the stored template this branding comes from; null for the built-in defaults.
  templateVersion: number | null;
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
  templateVersion: null,
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

/** Returns the text that marks a file with the template version that produced it. */
export function templateMark(branding: ReportBranding): string {
  return branding.templateVersion === null
    ? "template predefinito"
    : `template v${branding.templateVersion}`;
}
