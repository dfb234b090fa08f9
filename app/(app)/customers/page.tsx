import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import {
  Card,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@tremor/react";

import { requirePagePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { searchCustomers } from "@/lib/db/customers";
import { formatMinutes } from "@/lib/i18n/format";
import { BalanceValue } from "@/components/customers/balance-value";
import { Pagination, parsePage } from "@/components/ui/pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("customers"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CustomersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePagePermission("viewCustomers");
  const params = await searchParams;
  const query = typeof params.q === "string" ? params.q.slice(0, 100) : "";
  const page = parsePage(params.page);
  const t = await getTranslations();

  const { rows, total, pages } = await searchCustomers(getDb(), { query, page });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-tremor-title font-semibold text-tremor-content-strong">
          {t("customers.title")}
        </h1>
        <div className="flex flex-wrap items-end gap-4">
          {can(user.role, "manageCustomers") && (
            <Link
              href="/customers/new"
              className="rounded-tremor-small border border-tremor-brand px-4 py-2 text-tremor-brand"
            >
              {t("customers.form.newLink")}
            </Link>
          )}
          <form role="search" className="flex gap-2">
            <input
              name="q"
              type="search"
              defaultValue={query}
              aria-label={t("customers.searchLabel")}
              placeholder={t("customers.searchPlaceholder")}
              className="w-72 rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input"
            />
            <button
              type="submit"
              className="rounded-tremor-small bg-tremor-brand px-4 py-2 text-white"
            >
              {t("common.search")}
            </button>
          </form>
        </div>
      </div>
      <p className="text-tremor-default text-tremor-content" data-testid="customers-total">
        {t("customers.total", { count: total, formatted: formatMinutes(total) })}
      </p>
      <Card className="p-0">
        <Table>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("customers.code")}</TableHeaderCell>
              <TableHeaderCell>{t("customers.name")}</TableHeaderCell>
              <TableHeaderCell>{t("customers.city")}</TableHeaderCell>
              <TableHeaderCell>{t("customers.billingMode")}</TableHeaderCell>
              <TableHeaderCell className="text-right">{t("customers.balance")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((customer) => (
              <TableRow key={customer.id}>
                <TableCell className="font-mono">{customer.code}</TableCell>
                <TableCell>
                  <Link
                    href={`/customers/${customer.id}`}
                    className="text-tremor-brand hover:underline"
                  >
                    {customer.name}
                  </Link>
                  {!customer.active && (
                    <span className="ml-2 text-tremor-label text-tremor-content-subtle">
                      {t("customers.inactive")}
                    </span>
                  )}
                </TableCell>
                <TableCell>
                  {[customer.city, customer.province && `(${customer.province})`]
                    .filter(Boolean)
                    .join(" ") || t("common.none")}
                </TableCell>
                <TableCell>{t(`common.billingMode.${customer.billingMode}`)}</TableCell>
                <TableCell className="text-right">
                  <BalanceValue minutes={customer.balanceMinutes} />
                </TableCell>
              </TableRow>
            ))}
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={5} className="text-center">
                  {t("customers.empty")}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </Card>
      <Pagination
        basePath="/customers"
        params={{ q: query || undefined }}
        page={Math.min(page, pages)}
        pages={pages}
      />
    </div>
  );
}
