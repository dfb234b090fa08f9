import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@tremor/react";

import type { SessionRow } from "@/lib/db/sessions/list-sessions";
import { describeBillingExplanation } from "@/lib/domain/billing-explanation";
import { formatDateTime, formatDuration, formatMinutes } from "@/lib/i18n/format";

import { SessionCorrection } from "./session-correction";
import { SessionStatusBadges } from "./session-status";

/**
 * Renders one page of sessions, linking codes and customers to the pages the role may open.
 * With `canCorrect`, closed sessions get an action that opens the correction form.
 */
export async function SessionsTable(props: {
  rows: SessionRow[];
  linkToConsole: boolean;
  linkToCustomer: boolean;
  canCorrect: boolean;
}) {
  const t = await getTranslations("sessions");
  const none = (await getTranslations("common"))("none");
  const statusLabels = {
    RUNNING: t("status.RUNNING"),
    CLOSED: t("status.CLOSED"),
    UNASSIGNED: t("status.UNASSIGNED"),
  };

  return (
    <Table data-testid="sessions-table">
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("list.columns.date")}</TableHeaderCell>
          <TableHeaderCell>{t("list.columns.code")}</TableHeaderCell>
          <TableHeaderCell>{t("list.columns.customer")}</TableHeaderCell>
          <TableHeaderCell>{t("list.columns.operator")}</TableHeaderCell>
          <TableHeaderCell className="text-right">{t("list.columns.duration")}</TableHeaderCell>
          <TableHeaderCell className="text-right">{t("list.columns.billed")}</TableHeaderCell>
          <TableHeaderCell>{t("list.columns.rule")}</TableHeaderCell>
          <TableHeaderCell>{t("list.columns.status")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map((session) => (
          <TableRow key={session.id} className="[&>td]:py-2.5">
            <TableCell className="whitespace-nowrap">{formatDateTime(session.startedAt)}</TableCell>
            <TableCell className="font-mono">
              {props.linkToConsole ? (
                <Link
                  href={`/sessions/console?code=${encodeURIComponent(session.code)}`}
                  className="text-tremor-brand hover:underline"
                >
                  {session.code}
                </Link>
              ) : (
                session.code
              )}
            </TableCell>
            <TableCell className="min-w-[12rem] whitespace-normal">
              {session.customer === null && none}
              {session.customer && props.linkToCustomer && (
                <Link
                  href={`/customers/${session.customer.id}`}
                  className="text-tremor-brand hover:underline"
                >
                  {session.customer.name}
                </Link>
              )}
              {session.customer && !props.linkToCustomer && session.customer.name}
              {session.customer && (
                <span className="block font-mono text-tremor-label text-tremor-content">
                  {session.customer.code}
                </span>
              )}
            </TableCell>
            <TableCell>{session.operatorName ?? session.operator?.name ?? none}</TableCell>
            <TableCell className="text-right tabular-nums">
              {session.seconds === null ? none : formatDuration(session.seconds)}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {session.billedMinutes === null ? none : formatMinutes(session.billedMinutes)}
            </TableCell>
            <TableCell className="max-w-xs whitespace-normal text-tremor-label">
              {!session.billable
                ? t("console.notBillable")
                : (describeBillingExplanation(t, session.billingRule) ?? none)}
            </TableCell>
            <TableCell>
              <div className="flex flex-col items-start gap-1.5">
                <SessionStatusBadges
                  status={session.status}
                  assigned={session.customer !== null}
                  labels={statusLabels}
                />
                {props.canCorrect && session.status === "CLOSED" && (
                  <SessionCorrection
                    code={session.code}
                    customerCode={session.customer?.code ?? null}
                    billable={session.billable}
                  />
                )}
              </div>
            </TableCell>
          </TableRow>
        ))}
        {props.rows.length === 0 && (
          <TableRow>
            <TableCell colSpan={8} className="text-center">
              {t("list.empty")}
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
