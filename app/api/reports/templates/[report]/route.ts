// POST /api/reports/templates/:report – saves the editor's settings as the next template version
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { saveReportTemplate } from "@/lib/db/report-templates";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { readTemplateRequest } from "@/lib/reports/templates/read-template-request";
import { reportKindOfSlug } from "@/lib/reports/templates/report-slug";

// sharp needs Node APIs.
export const runtime = "nodejs";

export const POST = handleRoute(
  "reports.templates.save",
  async (request: Request, context: { params: Promise<{ report: string }> }) => {
    const user = await requirePermission("manageReportTemplates");
    const kind = reportKindOfSlug((await context.params).report);
    const { input, logo } = await readTemplateRequest(request, kind);

    const saved = await saveReportTemplate(getDb(), { kind, input, logo, actorId: user.id });
    logger.info(
      { userId: user.id, report: kind, templateId: saved.id, version: saved.version },
      "report template saved",
    );

    return NextResponse.json({ version: saved.version }, { status: 201 });
  },
);
