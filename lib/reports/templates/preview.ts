// The preview of an unsaved template: the real report of a chosen period and customer, rendered
// as the HTML export would be with the new settings.
import type { Db } from "@/lib/db/client";
import { getLatestReportTemplate } from "@/lib/db/report-templates";
import { localDateOf } from "@/lib/domain/periods";
import type { Locale } from "@/lib/i18n/config";

import { assembleReport } from "../assemble-report";
import { renderHtml } from "../render/html";
import type { ReportKind } from "../types";
import { brandingFromInput } from "./branding";
import type { PreparedLogo } from "./logo";
import type { ReportTemplateInput } from "@/lib/validations/report-template";

/**
 * Renders the preview. Without a period it shows the current month; without a customer, the first
 * customer by name, because all customers at once can be thousands of pages.
 */
export async function renderTemplatePreview(
  db: Db,
  options: {
    kind: ReportKind;
    input: ReportTemplateInput;
    logo: PreparedLogo | null;
    locale: Locale;
    period: { from: string; to: string };
    customerCode: string | null;
  },
): Promise<Uint8Array> {
  const { kind, input } = options;
  const today = localDateOf(new Date());
  const previous = await getLatestReportTemplate(db, kind);
  const customerCode =
    options.customerCode ??
    (await db.customer.findFirst({ select: { code: true }, orderBy: { name: "asc" } }))?.code ??
    null;
  const keptLogo =
    input.logo === "keep" && previous?.logo && previous.logoMime
      ? { data: new Uint8Array(previous.logo), mime: previous.logoMime as PreparedLogo["mime"] }
      : null;

  const data = await assembleReport(db, {
    kind,
    from: options.period.from || `${today.slice(0, 8)}01`,
    to: options.period.to || today,
    customerCode,
  });
  const branding = brandingFromInput({
    kind,
    input,
    logo: input.logo === "replace" ? options.logo : keptLogo,
    version: (previous?.version ?? 0) + 1,
    locale: options.locale,
  });

  return renderHtml(data, branding);
}
