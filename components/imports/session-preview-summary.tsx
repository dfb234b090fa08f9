"use client";

import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@tremor/react";
import { useTranslations } from "next-intl";

import type { CustomerTotalView, SessionImportSummary } from "@/lib/db/session-import";
import { formatDecimal, formatMinutes } from "@/lib/i18n/format";

import { CountCard } from "./count-card";

const CARDS = [
  { key: "rows", decoration: "gray" },
  { key: "onCustomer", decoration: "emerald" },
  { key: "toAssign", decoration: "amber" },
  { key: "alreadyImported", decoration: "slate" },
  { key: "rejected", decoration: "red" },
] as const;

/** Shows the counts of an import and the minutes it charges in all. */
export function SessionCounts({ summary }: { summary: SessionImportSummary }) {
  const t = useTranslations("sessionImport");

  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
      {CARDS.map(({ key, decoration }) => (
        <CountCard
          key={key}
          testId={`count-${key}`}
          color={decoration}
          label={t(`summary.${key}`)}
          value={formatDecimal(summary.counts[key])}
        />
      ))}
      <CountCard
        testId="billed-minutes"
        color="blue"
        label={t("summary.billedMinutes")}
        value={formatMinutes(summary.billedMinutes)}
      />
    </div>
  );
}

/** Lists the sessions and minutes an import charges to each customer, with the balances. */
export function CustomerTotals({ customers }: { customers: CustomerTotalView[] }) {
  const t = useTranslations("sessionImport");
  if (customers.length === 0) return null;

  return (
    <section>
      <h3 className="mb-1 font-semibold text-tremor-content-strong">{t("customers.title")}</h3>
      <Table data-testid="customer-totals">
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t("customers.customer")}</TableHeaderCell>
            <TableHeaderCell className="text-right">{t("customers.sessions")}</TableHeaderCell>
            <TableHeaderCell className="text-right">{t("customers.minutes")}</TableHeaderCell>
            <TableHeaderCell className="text-right">{t("customers.balanceBefore")}</TableHeaderCell>
            <TableHeaderCell className="text-right">{t("customers.balanceAfter")}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {customers.map((customer) => (
            <TableRow key={customer.id}>
              <TableCell className="whitespace-normal">
                <span className="font-medium text-tremor-content-strong">{customer.name}</span>{" "}
                <span className="text-tremor-content">({customer.code})</span>
              </TableCell>
              <TableCell className="text-right">{formatDecimal(customer.sessions)}</TableCell>
              <TableCell className="text-right">{formatMinutes(customer.minutes)}</TableCell>
              <TableCell className="text-right">{formatMinutes(customer.balanceBefore)}</TableCell>
              <TableCell className="text-right">{formatMinutes(customer.balanceAfter)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
