import { getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";

import type { DashboardNumbers } from "@/lib/db/dashboard";
import { percentChange } from "@/lib/domain/dashboard-period";
import { formatInteger, formatMinutes } from "@/lib/i18n/format";

const percentFormat = new Intl.NumberFormat("it-IT", {
  maximumFractionDigits: 1,
  signDisplay: "exceptZero",
});

/** Renders the headline numbers and the change of consumed and sold minutes since last period. */
export async function NumberCards({ numbers }: { numbers: DashboardNumbers }) {
  const t = await getTranslations("dashboard.numbers");
  const change = (current: number, previous: number) => {
    const percent = percentChange(current, previous);
    if (percent === null) return t("noPrevious");

    return t("change", {
      change: `${percentFormat.format(percent)}%`,
      value: formatMinutes(previous),
    });
  };
  const cards = [
    {
      id: "prepaid-residual",
      label: t("prepaidResidual"),
      value: formatMinutes(numbers.prepaidResidualMinutes),
    },
    {
      id: "consumed",
      label: t("consumed"),
      value: formatMinutes(numbers.current.consumedMinutes),
      note: change(numbers.current.consumedMinutes, numbers.previous.consumedMinutes),
    },
    {
      id: "sold",
      label: t("sold"),
      value: formatMinutes(numbers.current.soldMinutes),
      note: change(numbers.current.soldMinutes, numbers.previous.soldMinutes),
    },
    {
      id: "sessions-to-assign",
      label: t("sessionsToAssign"),
      value: formatInteger(numbers.sessionsToAssign),
    },
    {
      id: "negative-customers",
      label: t("negativeCustomers"),
      value: formatInteger(numbers.prepaidNegativeCustomers),
    },
  ];

  return (
    <section aria-label={t("title")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
      {cards.map((card) => (
        <Card key={card.id} className="p-4" data-testid={`number-${card.id}`}>
          <p className="text-tremor-label text-tremor-content">{card.label}</p>
          <p className="mt-1 text-tremor-title font-semibold text-tremor-content-strong">
            {card.value}
          </p>
          {card.note && <p className="mt-1 text-tremor-label text-tremor-content">{card.note}</p>}
        </Card>
      ))}
    </section>
  );
}
