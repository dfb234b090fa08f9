import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";

import { GRANULARITIES } from "@/lib/domain/periods";

interface Props {
  // Values as typed in the URL, also when they are invalid, so the user can correct them.
  values: { from?: string; to?: string; granularity?: string };
  error: string | null;
}

const FIELD = "rounded-tremor-default border border-tremor-border px-2 py-1.5 text-tremor-default";

/** Renders the period picker and the day/week/month switch. Both only change the URL. */
export async function PeriodForm({ values, error }: Props) {
  const t = await getTranslations("dashboard");
  const switchHref = (granularity: string) =>
    `/dashboard?${new URLSearchParams({
      from: values.from ?? "",
      to: values.to ?? "",
      granularity,
    })}`;

  return (
    <Card>
      <div className="flex flex-wrap items-end gap-4">
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("periodForm")}>
          <label className="flex flex-col gap-1 text-tremor-default">
            {t("from")}
            <input type="date" name="from" defaultValue={values.from} className={FIELD} />
          </label>
          <label className="flex flex-col gap-1 text-tremor-default">
            {t("to")}
            <input type="date" name="to" defaultValue={values.to} className={FIELD} />
          </label>
          <input type="hidden" name="granularity" value={values.granularity ?? "day"} />
          <button
            type="submit"
            className="rounded-tremor-default bg-tremor-brand px-4 py-1.5 text-tremor-default text-white"
          >
            {t("show")}
          </button>
        </form>
        <nav aria-label={t("granularity")} className="ml-auto flex items-center gap-1">
          <span className="mr-1 text-tremor-default text-tremor-content">{t("granularity")}</span>
          {GRANULARITIES.map((granularity) => {
            const current = values.granularity === granularity;

            return (
              <Link
                key={granularity}
                href={switchHref(granularity)}
                aria-current={current ? "page" : undefined}
                className={`rounded-tremor-small border px-3 py-1 text-tremor-default ${
                  current
                    ? "border-tremor-brand bg-tremor-brand text-white"
                    : "border-tremor-border hover:bg-tremor-background-muted"
                }`}
              >
                {t(`granularities.${granularity}`)}
              </Link>
            );
          })}
        </nav>
      </div>
      {error && (
        <p role="alert" className="mt-3 text-tremor-default text-red-700">
          {error}
        </p>
      )}
    </Card>
  );
}
