// POST /api/reports/templates/:report/preview – renders the editor's unsaved settings as HTML
import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { handleRoute } from "@/lib/http/respond";
import { resolveLocale } from "@/lib/i18n/request";
import { renderTemplatePreview } from "@/lib/reports/templates/preview";
import { readTemplateRequest } from "@/lib/reports/templates/read-template-request";
import { reportKindOfSlug } from "@/lib/reports/templates/report-slug";

export const runtime = "nodejs";

export const POST = handleRoute(
  "reports.templates.preview",
  async (request: Request, context: { params: Promise<{ report: string }> }) => {
    await requirePermission("manageReportTemplates");
    const kind = reportKindOfSlug((await context.params).report);
    const { input, logo, form } = await readTemplateRequest(request, kind);

    const html = await renderTemplatePreview(getDb(), {
      kind,
      input,
      logo,
      locale: await resolveLocale(),
      period: { from: String(form.get("from") ?? ""), to: String(form.get("to") ?? "") },
      customerCode: String(form.get("customer") ?? "") || null,
    });

    return new Response(Buffer.from(html), {
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
    });
  },
);
