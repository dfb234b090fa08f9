import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";

import { requirePagePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { getCompanyDetails, getLatestReportTemplate } from "@/lib/db/report-templates";
import { columnKeys, columnLabels } from "@/lib/reports/table";
import { DEFAULT_BRANDING } from "@/lib/reports/template";
import { storedLabels } from "@/lib/reports/templates/branding";
import { REPORT_SLUGS } from "@/lib/validations/report";
import { type EditorTemplate, TemplateEditor } from "@/components/reports/template-editor";

type Props = { params: Promise<{ report: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reportTemplates"))("title") };
}

export default async function ReportTemplatePage({ params }: Props) {
  await requirePagePermission("manageReportTemplates");
  const { report } = await params;
  if (!Object.hasOwn(REPORT_SLUGS, report)) notFound();
  const slug = report as keyof typeof REPORT_SLUGS;
  const kind = REPORT_SLUGS[slug];
  const t = await getTranslations();
  const db = getDb();
  const [template, company, customers] = await Promise.all([
    getLatestReportTemplate(db, kind),
    getCompanyDetails(db),
    db.customer.findMany({ select: { code: true, name: true }, orderBy: { name: "asc" } }),
  ]);

  const keys = columnKeys(kind);
  const saved = Array.isArray(template?.fields)
    ? template.fields.filter((key): key is string => typeof key === "string" && keys.includes(key))
    : keys;
  const initial: EditorTemplate = {
    fields: [
      ...saved.map((key) => ({ key, shown: true })),
      ...keys.filter((key) => !saved.includes(key)).map((key) => ({ key, shown: false })),
    ],
    labels: storedLabels(template?.labels),
    companyName: template?.companyName ?? company.companyName ?? DEFAULT_BRANDING.companyName,
    address: template ? (template.header ?? "") : (company.address ?? ""),
    vatNumber: template ? (template.vatNumber ?? "") : (company.vatNumber ?? ""),
    footer: template?.footer ?? "",
    accentColor: template?.accentColor ?? DEFAULT_BRANDING.accentColor,
    paperSize: template?.paperSize ?? DEFAULT_BRANDING.paperSize,
    logo:
      template?.logo && template.logoMime
        ? `data:${template.logoMime};base64,${Buffer.from(template.logo).toString("base64")}`
        : null,
  };

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-tremor-title font-semibold text-tremor-content-strong">
          {t("reportTemplates.title")}
        </h1>
        <p className="text-tremor-content">{t("reportTemplates.intro")}</p>
      </div>
      <nav aria-label={t("reportTemplates.report")} className="flex flex-wrap gap-2">
        {Object.entries(REPORT_SLUGS).map(([otherSlug, otherKind]) => (
          <Link
            key={otherSlug}
            href={`/reports/templates/${otherSlug}`}
            aria-current={otherSlug === slug ? "page" : undefined}
            className={`rounded-tremor-default border px-3 py-1.5 text-tremor-default ${
              otherSlug === slug
                ? "border-tremor-brand bg-tremor-brand text-white"
                : "border-tremor-border hover:bg-tremor-background-muted"
            }`}
          >
            {t(`reports.kinds.${otherKind}`)}
          </Link>
        ))}
      </nav>
      <p className="text-tremor-default text-tremor-content" data-testid="template-version">
        {template
          ? t("reportTemplates.currentVersion", { version: template.version })
          : t("reportTemplates.noVersion")}
      </p>
      <Card>
        <TemplateEditor
          key={`${slug}-${template?.version ?? 0}`}
          slug={slug}
          initial={initial}
          defaultLabels={{ it: columnLabels(kind, "it"), en: columnLabels(kind, "en") }}
          customers={customers}
        />
      </Card>
    </div>
  );
}
