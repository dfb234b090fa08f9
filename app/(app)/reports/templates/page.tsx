import { redirect } from "next/navigation";

import { requirePagePermission } from "@/lib/auth/guards";

export default async function ReportTemplatesIndex() {
  await requirePagePermission("manageReportTemplates");
  redirect("/reports/templates/statement");
}
