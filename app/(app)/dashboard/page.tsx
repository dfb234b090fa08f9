import { getTranslations } from "next-intl/server";

import { can } from "@/lib/auth/roles";
import { requirePagePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { type DashboardData, loadDashboard } from "@/lib/db/dashboard";
import type { DashboardQuery } from "@/lib/domain/dashboard-period";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { parseDashboardParams, readDashboardInput } from "@/lib/validations/dashboard";
import { ActionLists } from "@/components/dashboard/action-lists";
import { ChartCard } from "@/components/dashboard/chart-card";
import { NumberCards } from "@/components/dashboard/number-cards";
import { PeriodForm } from "@/components/dashboard/period-form";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadAndLog(userId: string, query: DashboardQuery, now: Date) {
  const started = performance.now();
  const data = await loadDashboard(getDb(), { query, now });
  const { period, granularity } = query;
  logger.info(
    { userId, from: period.from, to: period.to, granularity, ms: elapsed(started) },
    "dashboard loaded",
  );

  return data;
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requirePagePermission("viewDashboard");
  const t = await getTranslations();
  const params = await searchParams;
  const now = new Date();
  const { input } = readDashboardInput(params, now);

  let query: DashboardQuery | null = null;
  let data: DashboardData | null = null;
  let error: string | null = null;
  try {
    query = parseDashboardParams(params, now);
    data = await loadAndLog(user.id, query, now);
  } catch (caught) {
    if (!isAppError(caught) || caught.code === "INTERNAL") throw caught;
    error = t(`errors.${caught.messageKey}` as never, caught.values as never);
  }

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-tremor-title font-semibold text-tremor-content-strong">
        {t("dashboard.title")}
      </h1>
      <PeriodForm values={input} error={error} />

      {data && query && (
        <>
          <NumberCards numbers={data.numbers} />
          <p className="text-tremor-label text-tremor-content">{t("dashboard.chartHint")}</p>
          <div className="grid gap-4 lg:grid-cols-2">
            {data.charts.map((chart) => (
              <ChartCard key={chart.id} chart={chart} period={query.period} />
            ))}
          </div>
          <ActionLists
            actions={data.actions}
            canRecordTopUp={can(user.role, "recordLedgerEntry")}
          />
        </>
      )}
    </div>
  );
}
