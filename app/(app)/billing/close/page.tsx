import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";

import { requirePagePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listPostpaidPeriod } from "@/lib/db/postpaid-close";
import { parseBillingMonth, previousMonthKey } from "@/lib/domain/billing-month";
import { PostpaidCloseForm } from "@/components/billing/postpaid-close-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing"))("close.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PostpaidClosePage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("closePostpaidPeriod");
  const requested = (await searchParams).month;
  const monthKey = typeof requested === "string" ? requested : previousMonthKey(new Date());
  const month = parseBillingMonth(monthKey);
  const t = await getTranslations();

  const rows = month ? await listPostpaidPeriod(getDb(), month) : [];
  const ended = month !== null && month.end <= new Date();
  const overBilled = rows.filter((row) => row.toBillMinutes < 0 && row.billings.length > 0);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-tremor-title font-semibold text-tremor-content-strong">
            {t("billing.close.title")}
          </h1>
          <p className="max-w-2xl text-tremor-default text-tremor-content">
            {t("billing.close.intro")}
          </p>
        </div>
        <form className="flex items-end gap-2">
          <label className="flex flex-col gap-1 text-tremor-default">
            {t("billing.close.month")}
            <input
              type="month"
              name="month"
              defaultValue={monthKey}
              className="rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input"
            />
          </label>
          <button
            type="submit"
            className="rounded-tremor-small bg-tremor-brand px-4 py-2 text-white"
          >
            {t("billing.close.show")}
          </button>
        </form>
      </div>
      {!month && (
        <p role="alert" className="text-red-700">
          {t("errors.postpaid.monthInvalid")}
        </p>
      )}
      {month && !ended && (
        <p role="status" className="text-tremor-content">
          {t("billing.close.notEnded")}
        </p>
      )}
      {overBilled.length > 0 && (
        <p role="note" className="max-w-3xl text-tremor-default text-red-700">
          {t("billing.close.overBilledNote", { count: overBilled.length })}
        </p>
      )}
      {month && (
        <Card className="p-0">
          <PostpaidCloseForm
            month={month.key}
            canClose={ended}
            rows={rows.map((row) => ({
              customerId: row.customerId,
              code: row.code,
              name: row.name,
              active: row.active,
              consumedMinutes: row.consumedMinutes,
              billedMinutes: row.billedMinutes,
              invoiceReferences: row.billings.map((billing) => billing.invoiceReference ?? "–"),
              toBillMinutes: row.toBillMinutes,
            }))}
          />
        </Card>
      )}
    </div>
  );
}
