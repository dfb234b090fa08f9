import { getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@tremor/react";

import type { listLedgerEntries } from "@/lib/db/customers";
import { formatDateTime, formatMinutes, formatSignedMinutes } from "@/lib/i18n/format";

type LedgerRow = Awaited<ReturnType<typeof listLedgerEntries>>["rows"][number];

export async function LedgerTable({ rows }: { rows: LedgerRow[] }) {
  const t = await getTranslations();

  return (
    <Table data-testid="ledger-table">
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("customers.ledger.date")}</TableHeaderCell>
          <TableHeaderCell>{t("customers.ledger.kind")}</TableHeaderCell>
          <TableHeaderCell className="text-right">{t("customers.ledger.minutes")}</TableHeaderCell>
          <TableHeaderCell className="text-right">
            {t("customers.ledger.balanceAfter")}
          </TableHeaderCell>
          <TableHeaderCell>{t("customers.ledger.contract")}</TableHeaderCell>
          <TableHeaderCell>{t("customers.ledger.author")}</TableHeaderCell>
          <TableHeaderCell>{t("customers.ledger.comment")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((entry) => (
          <TableRow key={entry.id}>
            <TableCell className="whitespace-nowrap">{formatDateTime(entry.occurredAt)}</TableCell>
            <TableCell>
              {t(`common.ledgerKind.${entry.kind}`)}
              {entry.reversesId && (
                <span className="ml-2 rounded bg-amber-100 px-1.5 text-tremor-label text-amber-800">
                  {t("customers.ledger.reversal")}
                </span>
              )}
              {entry.reversedBy && (
                <span className="ml-2 rounded bg-gray-100 px-1.5 text-tremor-label text-gray-700">
                  {t("customers.ledger.reversed")}
                </span>
              )}
            </TableCell>
            <TableCell
              className={`text-right tabular-nums ${entry.minutes < 0 ? "text-red-700" : "text-emerald-700"}`}
            >
              {formatSignedMinutes(entry.minutes)}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatMinutes(entry.balanceAfter)}
            </TableCell>
            <TableCell>{entry.contract?.number ?? t("common.none")}</TableCell>
            <TableCell>{entry.author?.name ?? t("customers.ledger.system")}</TableCell>
            <TableCell className="max-w-xs whitespace-normal">
              {[
                entry.session && t("customers.ledger.sessionCode", { code: entry.session.code }),
                entry.comment,
              ]
                .filter(Boolean)
                .join(" · ") || t("common.none")}
            </TableCell>
          </TableRow>
        ))}
        {rows.length === 0 && (
          <TableRow>
            <TableCell colSpan={7} className="text-center">
              {t("customers.ledger.empty")}
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
