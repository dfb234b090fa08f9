import type { Db } from "@/lib/db/client";
import { getCompanyDetails, getLatestReportTemplate } from "@/lib/db/report-templates";
import type { Locale } from "@/lib/i18n/config";

import type { ReportBranding } from "../template";
import type { ReportKind } from "../types";
import { brandingFromTemplate } from "./branding";

/** Loads the branding of the latest template version of `kind`, with labels in `locale`. */
export async function loadReportBranding(
  db: Db,
  kind: ReportKind,
  locale: Locale,
): Promise<ReportBranding> {
  const [template, company] = await Promise.all([
    getLatestReportTemplate(db, kind),
    getCompanyDetails(db),
  ]);

  return brandingFromTemplate({ kind, template, company, locale });
}
