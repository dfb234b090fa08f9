// Input of the template editor: the same schema checks the save and the preview requests. Messages
// are keys under `errors.` in messages/*.json.
import { z } from "zod";

import { columnKeys } from "@/lib/reports/table";
import { PAPER_SIZES } from "@/lib/reports/template";
import type { ReportKind } from "@/lib/reports/types";

export const LOGO_ACTIONS = ["keep", "replace", "remove"] as const;

const MAX_LABEL_LENGTH = 60;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "reportTemplates.textTooLong" })
    .nullish()
    .transform((value) => (value ? value : null));

const labels = z.record(
  z.string(),
  z.string().trim().max(MAX_LABEL_LENGTH, { message: "reportTemplates.labelTooLong" }),
);

/** Builds the schema of a template for `kind`, whose column keys differ from report to report. */
export function reportTemplateSchema(kind: ReportKind) {
  const keys = columnKeys(kind) as [string, ...string[]];

  return z.object({
    fields: z
      .array(z.enum(keys, { message: "reportTemplates.unknownField" }))
      .min(1, { message: "reportTemplates.noFields" })
      .refine((fields) => new Set(fields).size === fields.length, {
        message: "reportTemplates.duplicateField",
      }),
    labels: z
      .object({ it: labels.default({}), en: labels.default({}) })
      .default({ it: {}, en: {} })
      .transform((value) => ({ it: dropEmpty(value.it, keys), en: dropEmpty(value.en, keys) })),
    companyName: z
      .string()
      .trim()
      .min(1, { message: "reportTemplates.companyNameMissing" })
      .max(120, { message: "reportTemplates.textTooLong" }),
    address: optionalText(300),
    vatNumber: optionalText(30),
    footer: optionalText(300),
    accentColor: z
      .string()
      .trim()
      .regex(/^#[0-9a-fA-F]{6}$/, { message: "reportTemplates.invalidColor" })
      .transform((value) => value.toLowerCase()),
    paperSize: z.enum(PAPER_SIZES, { message: "reportTemplates.invalidPaperSize" }),
    logo: z.enum(LOGO_ACTIONS).default("keep"),
  });
}

export type ReportTemplateInput = z.infer<ReturnType<typeof reportTemplateSchema>>;

// Blank labels mean "use the default", and labels of keys the report does not have are ignored.
function dropEmpty(values: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter(([key, label]) => label !== "" && keys.includes(key)),
  );
}
