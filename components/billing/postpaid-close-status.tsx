"use client";

import { useTranslations } from "next-intl";

import { formatMinutes } from "@/lib/i18n/format";

import type { PostpaidCloseRow } from "./postpaid-close-form";

/** Renders what the close still has to do for one customer, and the invoices already issued. */
export function PostpaidCloseStatus({ row }: { row: PostpaidCloseRow }) {
  const t = useTranslations("billing.close");
  const billed = row.invoiceReferences.length > 0;

  return (
    <div className="flex flex-col gap-1">
      {row.toBillMinutes > 0 && !billed && <span>{t("toBill")}</span>}
      {row.toBillMinutes > 0 && billed && (
        <span className="font-medium text-amber-800">{t("supplementToBill")}</span>
      )}
      {row.toBillMinutes === 0 && billed && <span>{t("billed")}</span>}
      {row.toBillMinutes < 0 && billed && (
        <span className="font-medium text-red-700">
          {t("overBilled", { minutes: formatMinutes(-row.toBillMinutes) })}
        </span>
      )}
      {row.toBillMinutes <= 0 && !billed && <span>{t("nothingToBill")}</span>}
      {billed && (
        <span className="text-tremor-label text-tremor-content">
          {t("invoices", {
            count: row.invoiceReferences.length,
            references: row.invoiceReferences.join(", "),
          })}
        </span>
      )}
    </div>
  );
}
