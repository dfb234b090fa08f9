// Input of the reports page and of the export route: the same schema checks both.
import { z } from "zod";

import { GRANULARITIES } from "@/lib/domain/periods";
import { EXPORT_FORMATS } from "@/lib/reports/render";
import type { ReportKind } from "@/lib/reports/types";

// URL names of the reports, also used at the start of download file names.
export const REPORT_SLUGS = {
  sessions: "SESSIONS",
  "top-ups": "TOP_UPS",
  statement: "STATEMENT",
} as const satisfies Record<string, ReportKind>;

export const FILE_PREFIXES: Record<ReportKind, string> = {
  SESSIONS: "teleassistenze",
  TOP_UPS: "ricariche",
  STATEMENT: "estratto-conto",
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "reports.invalidDate");

export const reportQuerySchema = z.object({
  report: z.enum(Object.keys(REPORT_SLUGS) as [keyof typeof REPORT_SLUGS], {
    message: "reports.unknownReport",
  }),
  from: isoDate,
  to: isoDate,
  // Empty or "all" selects all customers.
  customer: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((value) => (!value || value === "all" ? null : value)),
  granularity: z
    .enum([...GRANULARITIES, "auto"], { message: "reports.invalidGranularity" })
    .optional()
    .transform((value) => (value === "auto" ? undefined : value)),
});

export const exportQuerySchema = reportQuerySchema.extend({
  format: z.enum(EXPORT_FORMATS, { message: "reports.invalidFormat" }),
});

export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** Builds the download name, e.g. estratto-conto_C00017_2026-11-01_2026-11-30.pdf. */
export function exportFileName(query: z.infer<typeof exportQuerySchema>): string {
  const customer = (query.customer ?? "tutti-i-clienti").replace(/[^A-Za-z0-9_-]/g, "_");
  const prefix = FILE_PREFIXES[REPORT_SLUGS[query.report]];

  return `${prefix}_${customer}_${query.from}_${query.to}.${query.format}`;
}
