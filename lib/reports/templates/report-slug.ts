import { AppError } from "@/lib/errors";
import { REPORT_SLUGS } from "@/lib/validations/report";

import type { ReportKind } from "../types";

/** Returns the report kind of a URL slug such as "statement"; throws NOT_FOUND for others. */
export function reportKindOfSlug(slug: string): ReportKind {
  if (!Object.hasOwn(REPORT_SLUGS, slug)) {
    throw new AppError("NOT_FOUND", "reports.unknownReport");
  }

  return REPORT_SLUGS[slug as keyof typeof REPORT_SLUGS];
}
