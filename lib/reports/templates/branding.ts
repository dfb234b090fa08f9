// Turns a stored template version into the branding the renderers read, for one UI language.
import type { CompanyDetails, ReportTemplate } from "@/lib/db/report-templates";
import type { Locale } from "@/lib/i18n/config";
import type { ReportTemplateInput } from "@/lib/validations/report-template";

import { columnLabels } from "../table";
import {
  DEFAULT_BRANDING,
  type LogoMime,
  PAPER_SIZES,
  type PaperSize,
  type ReportBranding,
} from "../template";
import type { ReportKind } from "../types";

export type TemplateLabels = Record<Locale, Record<string, string>>;

/** Reads the labels column, whose shape is { it: { key: label }, en: { key: label } }. */
export function storedLabels(value: unknown): TemplateLabels {
  const record = (input: unknown) =>
    input && typeof input === "object"
      ? Object.fromEntries(
          Object.entries(input).filter((entry): entry is [string, string] => {
            return typeof entry[1] === "string";
          }),
        )
      : {};
  const labels = (value ?? {}) as Partial<Record<Locale, unknown>>;

  return { it: record(labels.it), en: record(labels.en) };
}

export function issuerHeader(address: string | null, vatNumber: string | null): string | null {
  const lines = [address, vatNumber ? `P. IVA ${vatNumber}` : null].filter(Boolean);

  return lines.length > 0 ? lines.join("\n") : null;
}

/**
 * Builds the branding of `kind` in `locale` from the latest template version, or from the company
 * setting and the defaults when no version was saved. Column labels fall back to the locale's
 * default labels.
 */
export function brandingFromTemplate(options: {
  kind: ReportKind;
  template: ReportTemplate | null;
  company: CompanyDetails;
  locale: Locale;
}): ReportBranding {
  const { kind, template, company, locale } = options;
  const defaults = columnLabels(kind, locale);
  if (!template) {
    return {
      ...DEFAULT_BRANDING,
      companyName: company.companyName ?? DEFAULT_BRANDING.companyName,
      header: issuerHeader(company.address, company.vatNumber),
      labels: defaults,
    };
  }

  const fields = Array.isArray(template.fields)
    ? template.fields.filter((field): field is string => typeof field === "string")
    : null;
  const paperSize = PAPER_SIZES.includes(template.paperSize as PaperSize)
    ? (template.paperSize as PaperSize)
    : DEFAULT_BRANDING.paperSize;
  const mime = template.logoMime;
  const logo =
    template.logo && (mime === "image/png" || mime === "image/jpeg")
      ? { data: new Uint8Array(template.logo), mime: mime as LogoMime }
      : null;

  return {
    companyName: template.companyName ?? company.companyName ?? DEFAULT_BRANDING.companyName,
    header: issuerHeader(template.header, template.vatNumber),
    footer: template.footer,
    logo,
    accentColor: template.accentColor,
    paperSize,
    fields,
    labels: { ...defaults, ...storedLabels(template.labels)[locale] },
    templateVersion: template.version,
  };
}

/** Builds the branding of a template that is being edited and not saved yet, for the preview. */
export function brandingFromInput(options: {
  kind: ReportKind;
  input: ReportTemplateInput;
  logo: ReportBranding["logo"];
  version: number;
  locale: Locale;
}): ReportBranding {
  const { kind, input, locale } = options;

  return {
    companyName: input.companyName,
    header: issuerHeader(input.address, input.vatNumber),
    footer: input.footer,
    logo: options.logo,
    accentColor: input.accentColor,
    paperSize: input.paperSize,
    fields: input.fields,
    labels: { ...columnLabels(kind, locale), ...input.labels[locale] },
    templateVersion: options.version,
  };
}
