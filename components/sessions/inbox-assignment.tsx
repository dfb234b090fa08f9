"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@tremor/react";

import { formatDateTime, formatDuration, formatMinutes } from "@/lib/i18n/format";
import type { InboxAssignment as AssignmentResult } from "@/lib/db/sessions/assign-inbox-sessions";
import { sendJson } from "@/components/ui/send-json";

import { CustomerPicker, type PickedCustomer } from "./customer-picker";

export interface InboxRow {
  id: string;
  code: string;
  startedAt: string;
  seconds: number | null;
  remoteDeviceId: string | null;
  operatorName: string | null;
}

/** Renders the "to assign" inbox, where sessions are selected and assigned to one customer. */
export function InboxAssignment(props: { rows: InboxRow[] }) {
  const t = useTranslations("sessions.inbox");
  const none = useTranslations("common")("none");
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> }>();
  const [done, setDone] = useState<string | null>(null);

  // Rows that left the inbox (assigned elsewhere, or on another page now) drop out of the choice.
  const chosen = props.rows.filter((row) => selected.has(row.id)).map((row) => row.id);
  const allChosen = props.rows.length > 0 && chosen.length === props.rows.length;

  function toggle(id: string) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  }

  async function assign() {
    if (!customer || chosen.length === 0) return;

    setPending(true);
    setDone(null);
    setError(undefined);
    const result = await sendJson<AssignmentResult>("/api/sessions/assign", {
      method: "POST",
      body: { sessionIds: chosen, customerId: customer.id },
      networkMessage: t("networkError"),
      fallbackMessage: t("failed"),
    });
    setPending(false);

    if (!result.ok) {
      setError({ message: result.message, fields: result.fields });
      return;
    }

    const { assigned, billedMinutes, customer: owner } = result.data;
    setDone(
      t("assigned", {
        count: assigned,
        customer: `${owner.name} (${owner.code})`,
        minutes: formatMinutes(billedMinutes),
        balance: formatMinutes(owner.balanceMinutes),
      }),
    );
    setSelected(new Set());
    setCustomer(null);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="grid items-end gap-4 rounded-tremor-default border border-tremor-border bg-white p-4 shadow-tremor-card md:grid-cols-[1fr_auto]">
        <CustomerPicker
          label={t("customer")}
          selected={customer}
          onSelect={setCustomer}
          error={error?.fields.customerId}
        />
        <button
          type="button"
          onClick={assign}
          disabled={pending || !customer || chosen.length === 0}
          className="rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis disabled:opacity-50"
        >
          {t("assign", { count: chosen.length })}
        </button>
        {error && (
          <p role="alert" className="text-tremor-default text-red-700 md:col-span-2">
            {error.message}
          </p>
        )}
        {done && (
          <p role="status" className="text-tremor-default text-emerald-700 md:col-span-2">
            {done}
          </p>
        )}
      </div>

      <div className="rounded-tremor-default border border-tremor-border bg-white shadow-tremor-card">
        <Table data-testid="inbox-table">
          <TableHead>
            <TableRow>
              <TableHeaderCell className="w-10">
                <input
                  type="checkbox"
                  aria-label={t("selectAll")}
                  checked={allChosen}
                  ref={(box) => {
                    if (box) box.indeterminate = chosen.length > 0 && !allChosen;
                  }}
                  onChange={() =>
                    setSelected(allChosen ? new Set() : new Set(props.rows.map((row) => row.id)))
                  }
                />
              </TableHeaderCell>
              <TableHeaderCell>{t("columns.start")}</TableHeaderCell>
              <TableHeaderCell>{t("columns.code")}</TableHeaderCell>
              <TableHeaderCell className="text-right">{t("columns.duration")}</TableHeaderCell>
              <TableHeaderCell>{t("columns.device")}</TableHeaderCell>
              <TableHeaderCell>{t("columns.operator")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.rows.map((row) => (
              <TableRow
                key={row.id}
                className={selected.has(row.id) ? "bg-tremor-brand-faint" : ""}
              >
                <TableCell>
                  <input
                    type="checkbox"
                    aria-label={t("select", { code: row.code })}
                    checked={selected.has(row.id)}
                    onChange={() => toggle(row.id)}
                  />
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {formatDateTime(new Date(row.startedAt))}
                </TableCell>
                <TableCell className="font-mono">{row.code}</TableCell>
                <TableCell className="text-right tabular-nums">
                  {row.seconds === null ? t("running") : formatDuration(row.seconds)}
                </TableCell>
                <TableCell className="font-mono">{row.remoteDeviceId ?? none}</TableCell>
                <TableCell>{row.operatorName ?? none}</TableCell>
              </TableRow>
            ))}
            {props.rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={6} className="text-center">
                  {t("empty")}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
