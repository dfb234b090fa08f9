import { getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@tremor/react";

import type { listLedgerEntries } from "@/lib/db/customers";
import { formatDate, formatDateTime, formatMinutes, formatSignedMinutes } from "@/lib/i18n/format";

import { ReverseEntryControl } from "./reverse-entry-control";

type LedgerRow = Awaited<ReturnType<typeof listLedgerEntries>>["rows"][number];

export async function LedgerTable({
  rows,
  canReverse = false,
}: {
  rows: LedgerRow[];
  canReverse?: boolean;
}) {
  const t = await getTranslations();
  const columns = canReverse ? 8 : 7;

  const commentOf = (entry: LedgerRow) => {
    const expiry =
      entry.expiredTopUp &&
      t("customers.ledger.expiryComment", {
        minutes: formatMinutes(-entry.minutes),
        topUpMinutes: formatMinutes(entry.expiredTopUp.minutes),
        topUpDate: formatDate(entry.expiredTopUp.occurredAt),
      });
    const parts = [
      entry.session && t("customers.ledger.sessionCode", { code: entry.session.code }),
      expiry || entry.comment,
      entry.invoiceReference &&
        t("customers.ledger.invoiceReference", { reference: entry.invoiceReference }),
      entry.expiresAt && t("customers.ledger.expiresAt", { date: formatDateTime(entry.expiresAt) }),
    ];

    return parts.filter(Boolean).join(" · ") || t("common.none");
  };

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
          {canReverse && <TableHeaderCell>{t("customers.ledger.actions")}</TableHeaderCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((entry) => (
          <TableRow key={entry.id} id={`entry-${entry.id}`} data-entry-id={entry.id}>
            <TableCell className="whitespace-nowrap">{formatDateTime(entry.occurredAt)}</TableCell>
            <TableCell>
              {t(`common.ledgerKind.${entry.kind}`)}
              {entry.reverses && (
                <a
                  href={`#entry-${entry.reverses.id}`}
                  className="ml-2 rounded bg-amber-100 px-1.5 text-tremor-label text-amber-800"
                >
                  {t("customers.ledger.reverses", {
                    date: formatDateTime(entry.reverses.occurredAt),
                  })}
                </a>
              )}
              {entry.reversedBy && (
                <a
                  href={`#entry-${entry.reversedBy.id}`}
                  className="ml-2 rounded bg-gray-100 px-1.5 text-tremor-label text-gray-700"
                >
                  {t("customers.ledger.reversedBy", {
                    date: formatDateTime(entry.reversedBy.occurredAt),
                  })}
                </a>
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
            <TableCell className="max-w-xs whitespace-normal">{commentOf(entry)}</TableCell>
            {canReverse && (
              <TableCell>
                {!entry.reverses && !entry.reversedBy && <ReverseEntryControl entryId={entry.id} />}
              </TableCell>
            )}
          </TableRow>
        ))}
        {rows.length === 0 && (
          <TableRow>
            <TableCell colSpan={columns} className="text-center">
              {t("customers.ledger.empty")}
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
