// GET /api/reports/:report/export – renders a report as PDF, XLSX, DOCX, CSV or HTML for download
import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { recordReportExport } from "@/lib/db/report-templates";
import { handleRoute } from "@/lib/http/respond";
import { resolveLocale } from "@/lib/i18n/request";
import { logger } from "@/lib/logger";
import { assembleReport } from "@/lib/reports/assemble-report";
import { CONTENT_TYPES, renderReport } from "@/lib/reports/render";
import { loadReportBranding } from "@/lib/reports/templates/load-branding";
import { exportFileName, exportQuerySchema, REPORT_SLUGS } from "@/lib/validations/report";

// react-pdf, exceljs and sharp need Node APIs.
export const runtime = "nodejs";

export const GET = handleRoute(
  "reports.export",
  async (request: Request, context: { params: Promise<{ report: string }> }) => {
    const user = await requirePermission("viewReports");
    const { report } = await context.params;
    const search = Object.fromEntries(new URL(request.url).searchParams);
    const query = exportQuerySchema.parse({ ...search, report });

    const started = performance.now();
    const kind = REPORT_SLUGS[query.report];
    const db = getDb();
    const data = await assembleReport(db, {
      kind,
      from: query.from,
      to: query.to,
      customerCode: query.customer,
      granularity: query.granularity,
    });
    // Column labels follow the user's UI language; the latest template version applies.
    const branding = await loadReportBranding(db, kind, await resolveLocale());
    const bytes = await renderReport(query.format, data, branding);
    const fileName = exportFileName(query);
    await recordReportExport(db, {
      actorId: user.id,
      kind,
      format: query.format,
      templateVersion: branding.templateVersion,
      customerCode: query.customer,
      from: query.from,
      to: query.to,
      bytes: bytes.length,
    });
    logger.info(
      {
        userId: user.id,
        report: query.report,
        format: query.format,
        customer: query.customer,
        from: query.from,
        to: query.to,
        templateVersion: branding.templateVersion,
        bytes: bytes.length,
        ms: Math.round(performance.now() - started),
      },
      "report exported",
    );

    return new Response(Buffer.from(bytes), {
      headers: {
        "Content-Type": CONTENT_TYPES[query.format],
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
