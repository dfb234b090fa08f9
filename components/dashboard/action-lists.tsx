import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";

import { ACTION_LIST_LIMIT, type CustomersToActOn, EXPIRY_WARNING_DAYS } from "@/lib/db/dashboard";
import { formatDate, formatMinutes } from "@/lib/i18n/format";

interface Row {
  key: string;
  customerId: string;
  customer: string;
  cells: string[];
}

/**
 * The customers a manager should act on. The link opens the customer's page, where an
 * administrator records the top-up; a manager, who may not record one, reads the details there.
 */
export async function ActionLists(props: { actions: CustomersToActOn; canRecordTopUp: boolean }) {
  const { actions, canRecordTopUp } = props;
  const t = await getTranslations("dashboard.actions");
  const customer = (row: { code: string; name: string }) => `${row.name} (${row.code})`;
  const lists = [
    {
      id: "exhausted",
      title: t("exhausted", { count: actions.exhausted.count }),
      count: actions.exhausted.count,
      headers: [t("balance")],
      rows: actions.exhausted.rows.map((row) => ({
        key: row.id,
        customerId: row.id,
        customer: customer(row),
        cells: [formatMinutes(row.balanceMinutes)],
      })),
    },
    {
      id: "low",
      title: t("low", { count: actions.low.count }),
      count: actions.low.count,
      headers: [t("balance"), t("threshold")],
      rows: actions.low.rows.map((row) => ({
        key: row.id,
        customerId: row.id,
        customer: customer(row),
        cells: [formatMinutes(row.balanceMinutes), formatMinutes(row.thresholdMinutes ?? 0)],
      })),
    },
    {
      id: "expiring",
      title: t("expiring", { days: EXPIRY_WARNING_DAYS, count: actions.expiring.count }),
      count: actions.expiring.count,
      headers: [t("topUp"), t("expiresAt"), t("balance")],
      rows: actions.expiring.rows.map((row) => ({
        key: row.entryId,
        customerId: row.customerId,
        customer: customer(row),
        cells: [
          formatMinutes(row.minutes),
          formatDate(row.expiresAt),
          formatMinutes(row.balanceMinutes),
        ],
      })),
    },
  ];

  return (
    <section aria-label={t("title")} className="flex flex-col gap-3">
      <h2 className="text-tremor-title font-semibold text-tremor-content-strong">{t("title")}</h2>
      <div className="grid gap-3 lg:grid-cols-3">
        {lists.map((list) => (
          <Card key={list.id} className="p-4" data-testid={`actions-${list.id}`}>
            <h3 className="mb-2 font-medium text-tremor-content-strong">{list.title}</h3>
            <ActionTable
              headers={[t("customer"), ...list.headers, ""]}
              rows={list.rows}
              linkLabel={canRecordTopUp ? t("recordTopUp") : t("openCustomer")}
              emptyLabel={t("none")}
            />
            {list.count > ACTION_LIST_LIMIT && (
              <p className="mt-2 text-tremor-label text-tremor-content">
                {t("more", { shown: ACTION_LIST_LIMIT, count: list.count })}
              </p>
            )}
          </Card>
        ))}
      </div>
    </section>
  );
}

function ActionTable(props: {
  headers: string[];
  rows: Row[];
  linkLabel: string;
  emptyLabel: string;
}) {
  if (props.rows.length === 0) {
    return <p className="text-tremor-default text-tremor-content">{props.emptyLabel}</p>;
  }

  return (
    <table className="w-full text-tremor-label">
      <thead>
        <tr className="text-left text-tremor-content">
          {props.headers.map((header, index) => (
            <th key={index} className="pb-1 pr-2 font-medium">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key} className="border-t border-tremor-border">
            <td className="py-1 pr-2">{row.customer}</td>
            {row.cells.map((cell, index) => (
              <td key={index} className="py-1 pr-2 text-right tabular-nums">
                {cell}
              </td>
            ))}
            <td className="py-1 text-right">
              <Link
                href={`/customers/${row.customerId}`}
                className="whitespace-nowrap text-tremor-brand hover:underline"
              >
                {props.linkLabel}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
