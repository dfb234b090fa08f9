"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@tremor/react";

import { formatMinutes } from "@/lib/i18n/format";
import { sendJson } from "@/components/ui/send-json";

import { PostpaidCloseStatus } from "./postpaid-close-status";

export interface PostpaidCloseRow {
  customerId: string;
  code: string;
  name: string;
  active: boolean;
  consumedMinutes: number;
  // Sum of the month's billings in force, and their invoice references, oldest first.
  billedMinutes: number;
  invoiceReferences: string[];
  // Consumed minus billed minutes, negative when the month was billed more than consumed.
  toBillMinutes: number;
}

const inputClass =
  "w-36 rounded-tremor-small border border-tremor-border px-2 py-1 shadow-tremor-input";

/**
 * Renders the postpaid customers of a month with an invoice reference input for each one with
 * minutes left to bill, and records the billings of every row with a reference in one request.
 */
export function PostpaidCloseForm(props: {
  month: string;
  canClose: boolean;
  rows: PostpaidCloseRow[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const billable = (row: PostpaidCloseRow) => props.canClose && row.toBillMinutes > 0;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const invoices = props.rows
      .filter(billable)
      .map((row) => ({
        customerId: row.customerId,
        invoiceReference: String(data.get(`invoice-${row.customerId}`) ?? "").trim(),
        minutes: row.toBillMinutes,
      }))
      .filter((invoice) => invoice.invoiceReference !== "");

    setPending(true);
    setSuccess(null);
    const result = await sendJson<{ billed: number; minutes: number }>(
      "/api/billing/postpaid-close",
      {
        method: "POST",
        body: { month: props.month, invoices },
        networkMessage: t("customers.entryForm.networkError"),
        fallbackMessage: t("errors.internal"),
      },
    );
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }

    setError(null);
    setSuccess(
      t("billing.close.recorded", {
        count: result.data.billed,
        minutes: formatMinutes(result.data.minutes),
      }),
    );
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("billing.close.formLabel")}>
      <Table data-testid="postpaid-close-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t("billing.close.code")}</TableHeaderCell>
            <TableHeaderCell>{t("billing.close.customer")}</TableHeaderCell>
            <TableHeaderCell className="text-right">{t("billing.close.consumed")}</TableHeaderCell>
            <TableHeaderCell className="text-right">
              {t("billing.close.billedMinutes")}
            </TableHeaderCell>
            <TableHeaderCell className="text-right">
              {t("billing.close.toBillMinutes")}
            </TableHeaderCell>
            <TableHeaderCell>{t("billing.close.status")}</TableHeaderCell>
            <TableHeaderCell>{t("billing.close.invoiceReference")}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map((row) => (
            <TableRow key={row.customerId} data-customer-id={row.customerId}>
              <TableCell className="font-mono">{row.code}</TableCell>
              <TableCell>
                {row.name}
                {!row.active && (
                  <span className="ml-2 text-tremor-label text-tremor-content-subtle">
                    {t("customers.inactive")}
                  </span>
                )}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatMinutes(row.consumedMinutes)}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatMinutes(row.billedMinutes)}
              </TableCell>
              <TableCell
                className={`text-right tabular-nums ${row.toBillMinutes < 0 ? "font-semibold text-red-700" : ""}`}
              >
                {formatMinutes(row.toBillMinutes)}
              </TableCell>
              <TableCell className="whitespace-normal">
                <PostpaidCloseStatus row={row} />
              </TableCell>
              <TableCell>
                {billable(row) && (
                  <input
                    name={`invoice-${row.customerId}`}
                    maxLength={100}
                    aria-label={t("billing.close.invoiceFor", { name: row.name })}
                    className={inputClass}
                  />
                )}
              </TableCell>
            </TableRow>
          ))}
          {props.rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={7} className="text-center">
                {t("billing.close.empty")}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      {props.canClose && props.rows.some(billable) && (
        <div className="flex flex-wrap items-center gap-3 p-4">
          <button
            type="submit"
            disabled={pending}
            className="rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white disabled:opacity-60"
          >
            {t("billing.close.submit")}
          </button>
          {error && (
            <p role="alert" className="text-tremor-default text-red-700">
              {error}
            </p>
          )}
        </div>
      )}
      {success && (
        <p role="status" className="p-4 text-tremor-default text-emerald-700">
          {success}
        </p>
      )}
    </form>
  );
}
