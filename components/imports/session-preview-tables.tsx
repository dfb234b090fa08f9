"use client";

import {
  TabPanel,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@tremor/react";
import { useTranslations } from "next-intl";

import type { SessionImportPreview, SessionRowView } from "@/lib/db/session-import";
import type { BillingExplanation } from "@/lib/domain/bill-session";
import type { RejectedSessionRow } from "@/lib/imports/session-rows";
import { formatDateTime, formatMinutes } from "@/lib/i18n/format";

import { CategoryTabs, NoRows, TruncationNote } from "./category-tabs";
import { PageControls, usePagedRows } from "./page-controls";

const SESSION_CATEGORIES = ["onCustomer", "toAssign", "alreadyImported"] as const;
type SessionCategory = (typeof SESSION_CATEGORIES)[number];
const CATEGORIES = [...SESSION_CATEGORIES, "rejected"] as const;

/** Formats seconds as h:mm:ss, the way remote-control tools show durations. */
export function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;

  return `${hours}:${String(minutes).padStart(2, "0")}:${String(rest).padStart(2, "0")}`;
}

/** Shows the rows of the preview in one tab per category, 50 rows per page. */
export function SessionPreviewTables({ preview }: { preview: SessionImportPreview }) {
  const t = useTranslations("sessionImport");
  const rows: Record<SessionCategory, SessionRowView[]> = {
    onCustomer: preview.onCustomer,
    toAssign: preview.toAssign,
    alreadyImported: preview.alreadyImported,
  };
  const tabs = CATEGORIES.map((category) => ({
    category,
    label: t(`summary.${category}`),
    count: preview.counts[category],
    hasRows: (category === "rejected" ? preview.rejected : rows[category]).length > 0,
  }));

  return (
    <CategoryTabs tabs={tabs}>
      {SESSION_CATEGORIES.map((category) => (
        <TabPanel key={category}>
          <SessionRows category={category} rows={rows[category]} total={preview.counts[category]} />
        </TabPanel>
      ))}
      <TabPanel>
        <RejectedRows rows={preview.rejected} />
      </TabPanel>
    </CategoryTabs>
  );
}

function SessionRows(props: { category: SessionCategory; rows: SessionRowView[]; total: number }) {
  const t = useTranslations("sessionImport");
  const describeRule = useRuleDescription();
  const { visible, page, pages, setPage } = usePagedRows(props.rows);
  const billed = props.category !== "alreadyImported";

  if (props.rows.length === 0) {
    return <NoRows text={t("table.empty")} />;
  }

  const minutesOf = (row: SessionRowView) => {
    const minutes = formatMinutes(row.billedMinutes ?? 0);

    return props.category === "toAssign" ? t("table.shownNotCharged", { minutes }) : minutes;
  };

  return (
    <div className="flex flex-col gap-2 py-2">
      <TruncationNote
        shown={props.rows.length}
        total={props.total}
        message={(values) => t("table.truncated", values)}
      />
      <Table data-testid={`rows-${props.category}`}>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t("table.line")}</TableHeaderCell>
            <TableHeaderCell>{t("table.start")}</TableHeaderCell>
            <TableHeaderCell>{t("table.duration")}</TableHeaderCell>
            <TableHeaderCell>{t("table.device")}</TableHeaderCell>
            {props.category === "onCustomer" && (
              <TableHeaderCell>{t("table.customer")}</TableHeaderCell>
            )}
            {billed && (
              <TableHeaderCell className="text-right">{t("table.minutes")}</TableHeaderCell>
            )}
            {billed && <TableHeaderCell>{t("table.rule")}</TableHeaderCell>}
            <TableHeaderCell>{t("table.code")}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {visible.map((row) => (
            <TableRow key={row.line}>
              <TableCell>{row.line}</TableCell>
              <TableCell>{formatDateTime(new Date(row.startedAt))}</TableCell>
              <TableCell className="tabular-nums">{formatDuration(row.seconds)}</TableCell>
              <TableCell>{row.remoteDeviceId ?? row.customerCode ?? ""}</TableCell>
              {props.category === "onCustomer" && (
                <TableCell className="whitespace-normal">{row.customer?.name}</TableCell>
              )}
              {billed && <TableCell className="text-right">{minutesOf(row)}</TableCell>}
              {billed && (
                <TableCell className="whitespace-normal text-tremor-content">
                  {row.rule && describeRule(row.rule)}
                </TableCell>
              )}
              <TableCell
                className="max-w-[10rem] truncate font-mono text-tremor-label"
                title={row.derivedCode ? `${row.code} · ${t("table.derivedCode")}` : row.code}
              >
                {row.code}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <PageControls page={page} pages={pages} onPage={setPage} />
    </div>
  );
}

// The explanation that the sessions pages show for a session's billed minutes.
function useRuleDescription(): (rule: BillingExplanation) => string {
  const sessions = useTranslations("sessions");

  return (rule) => {
    switch (rule.kind) {
      case "ROUNDED":
        return sessions("billingRule.ROUNDED", { incrementMinutes: rule.incrementMinutes });
      case "MINIMUM":
        return sessions("billingRule.MINIMUM", {
          minimumMinutes: rule.minimumMinutes,
          roundedMinutes: rule.roundedMinutes,
        });
      case "TOO_SHORT":
        return sessions("billingRule.TOO_SHORT", { thresholdSeconds: rule.thresholdSeconds });
      case "NOT_BILLABLE_TYPE":
        return sessions("billingRule.NOT_BILLABLE_TYPE", { connectionType: rule.connectionType });
      case "MERGED":
        return sessions("billingRule.MERGED", { into: rule.into });
    }
  };
}

function RejectedRows({ rows }: { rows: RejectedSessionRow[] }) {
  const t = useTranslations("sessionImport");
  const errors = useTranslations("errors");
  const { visible, page, pages, setPage } = usePagedRows(rows);

  if (rows.length === 0) {
    return <NoRows text={t("table.empty")} />;
  }

  return (
    <div className="flex flex-col gap-2 py-2">
      <Table data-testid="rows-rejected">
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t("table.line")}</TableHeaderCell>
            <TableHeaderCell>{t("table.reason")}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {visible.map((row) => (
            <TableRow key={`${row.line}-${row.messageKey}`}>
              <TableCell>{row.line}</TableCell>
              <TableCell className="whitespace-normal">
                {errors.has(row.messageKey) ? errors(row.messageKey, row.values) : row.messageKey}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <PageControls page={page} pages={pages} onPage={setPage} />
    </div>
  );
}
