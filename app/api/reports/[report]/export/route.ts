// GET /api/reports/:report/export – renders a report as PDF, XLSX, DOCX, CSV or HTML for download
import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { assembleReport } from "@/lib/reports/assemble-report";
import { CONTENT_TYPES, renderReport } from "@/lib/reports/render";
import { withDefaults } from "@/lib/reports/template";
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
    const data = await assembleReport(getDb(), {
      kind: REPORT_SLUGS[query.report],
      from: query.from,
      to: query.to,
      customerCode: query.customer,
      granularity: query.granularity,
    });
    // NOTE: stored report templates are not read yet; every export uses the default branding.
    const bytes = await renderReport(query.format, data, withDefaults());
    const fileName = exportFileName(query);
    logger.info(
      {
        userId: user.id,
        report: query.report,
        format: query.format,
        customer: query.customer,
        from: query.from,
        to: query.to,
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
