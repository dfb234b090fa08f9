import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";

import { requirePagePermission } from "@/lib/auth/guards";
import { AUDIT_PAGE_SIZE, listAuditEvents, listAuditFilterOptions } from "@/lib/db/audit-trail";
import { getDb } from "@/lib/db/client";
import { formatInteger } from "@/lib/i18n/format";
import { parseAuditFilters } from "@/lib/validations/audit-filters";
import { AuditFiltersForm } from "@/components/audit/audit-filters-form";
import { AuditTable } from "@/components/audit/audit-table";
import { Pagination, parsePage } from "@/components/ui/pagination";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");

  return { title: t("title") };
}

export default async function AuditPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePagePermission("viewAuditTrail");
  const t = await getTranslations("audit");
  const params = await props.searchParams;
  const parsed = parseAuditFilters(params);
  const page = parsePage(params.page);

  const db = getDb();
  const options = await listAuditFilterOptions(db);
  const result = parsed.ok ? await listAuditEvents(db, { filters: parsed.filters, page }) : null;
  const pages = result ? Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE)) : 1;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-tremor-title font-semibold text-tremor-content-strong">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-tremor-default text-tremor-content">{t("intro")}</p>
      </div>
      <AuditFiltersForm
        values={parsed.values}
        issues={parsed.ok ? [] : parsed.issues}
        entityTypes={options.entityTypes}
        users={options.users}
      />
      {result && (
        <Card className="p-0">
          <p
            className="px-6 pt-4 text-tremor-default text-tremor-content"
            data-testid="audit-total"
          >
            {t("total", { count: result.total, formatted: formatInteger(result.total) })}
          </p>
          <AuditTable events={result.events} />
          <div className="px-6 pb-4">
            <Pagination basePath="/audit" params={{ ...parsed.values }} page={page} pages={pages} />
          </div>
        </Card>
      )}
    </div>
  );
}
