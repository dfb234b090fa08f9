// The company's own details (Setting "company"), printed in the header of reports.
import { type CompanyDetails, companySchema } from "@/lib/validations/setup";

import type { Db, Tx } from "./client";

export const COMPANY_SETTING = "company";

/** Returns the company details, or null before the first setup stored them. */
export async function getCompanyDetails(db: Db | Tx): Promise<CompanyDetails | null> {
  const setting = await db.setting.findUnique({ where: { key: COMPANY_SETTING } });
  if (!setting) return null;

  // Validated on save, so a failure here means the row was edited outside the application.
  return companySchema.parse(setting.value);
}
