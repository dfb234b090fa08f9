import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";

import { requirePagePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { listOperatorNames, listSessions } from "@/lib/db/sessions/list-sessions";
import { formatDecimal, formatMinutes } from "@/lib/i18n/format";
import { parseSessionFilters } from "@/lib/validations/session-filters";
import { SessionFiltersForm } from "@/components/sessions/session-filters-form";
import { SessionsTable } from "@/components/sessions/sessions-table";
import { Pagination, parsePage } from "@/components/ui/pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessions.list"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SessionsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePagePermission("viewSessions");
  const params = await searchParams;
  const parsed = parseSessionFilters(params, new Date());
  const page = parsePage(params.page);
  const t = await getTranslations("sessions.list");

  const operators = await listOperatorNames(getDb());
  const result = parsed.ok ? await listSessions(getDb(), { filters: parsed.filters, page }) : null;

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-tremor-title font-semibold text-tremor-content-strong">{t("title")}</h1>
      <SessionFiltersForm
        values={parsed.values}
        issues={parsed.ok ? [] : parsed.issues}
        operators={operators}
      />
      {!parsed.ok && (
        <p className="text-tremor-default text-red-700" data-testid="filters-invalid">
          {t("filtersInvalid")}
        </p>
      )}
      {result && (
        <>
          <div className="grid gap-4 sm:grid-cols-3">
            <Total
              label={t("totals.sessions")}
              value={formatMinutes(result.totals.sessions)}
              testId="total-sessions"
            />
            <Total
              label={t("totals.realMinutes")}
              value={formatDecimal(result.totals.seconds / 60)}
              testId="total-real-minutes"
            />
            <Total
              label={t("totals.billedMinutes")}
              value={formatMinutes(result.totals.billedMinutes)}
              testId="total-billed-minutes"
            />
          </div>
          <Card className="p-0">
            <SessionsTable
              rows={result.rows}
              linkToConsole={can(user.role, "operateSessions")}
              linkToCustomer={can(user.role, "viewCustomers")}
              canCorrect={can(user.role, "correctSessions")}
            />
          </Card>
          <Pagination
            basePath="/sessions"
            params={{
              from: parsed.values.from,
              to: parsed.values.to,
              customer: parsed.values.customer || undefined,
              operator: parsed.values.operator || undefined,
              status: parsed.values.status || undefined,
            }}
            page={Math.min(page, result.pages)}
            pages={result.pages}
          />
        </>
      )}
    </div>
  );
}

function Total(props: { label: string; value: string; testId: string }) {
  return (
    <Card>
      <p className="text-tremor-default text-tremor-content">{props.label}</p>
      <p className="mt-1 text-tremor-metric font-semibold tabular-nums" data-testid={props.testId}>
        {props.value}
      </p>
    </Card>
  );
}
