"use client";

import {
  Callout,
  Card,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@tremor/react";
import { useTranslations } from "next-intl";

import type { OpeningBalanceProblem } from "@/lib/imports/opening-balance-rows";
import {
  formatDateTime,
  formatDecimal,
  formatMinutes,
  formatSignedMinutes,
} from "@/lib/i18n/format";

import { CountCard } from "./count-card";
import type { OpeningBalancePreview } from "./opening-balance-api";
import { PageControls, usePagedRows } from "./page-controls";

const COUNT_CARDS = [
  { key: "rows", decoration: "gray" },
  { key: "topUps", decoration: "emerald" },
  { key: "adjustments", decoration: "blue" },
  { key: "rejected", decoration: "red" },
] as const;

/**
 * Shows the preview of an opening-balance import and the record button, which stays disabled while
 * any row is rejected or the same balances were imported before: the import is all or nothing.
 */
export function OpeningBalancePreviewCard(props: {
  preview: OpeningBalancePreview;
  stale: boolean;
  pending: boolean;
  onCommit: () => void;
}) {
  const t = useTranslations("openingBalances");
  const { preview, stale, pending } = props;
  const { counts } = preview;
  const blocked = counts.rejected > 0 || preview.importedAt !== null || preview.rows.length === 0;

  const describe = (problem: OpeningBalanceProblem) => {
    switch (problem.kind) {
      case "fieldCount":
        return t("problems.fieldCount", { found: problem.found, expected: problem.expected });
      case "unreadableCell":
        return t("problems.unreadableCell", { column: problem.column });
      case "invalidMinutes":
        return t("problems.invalidMinutes", { value: problem.value });
      case "tooManyMinutes":
        return t("problems.tooManyMinutes", { max: formatMinutes(problem.max) });
      case "tooLong":
        return t("problems.tooLong", { field: t(`fields.${problem.field}`), max: problem.max });
      case "duplicateCode":
        return t("problems.duplicateCode", { line: problem.firstLine });
      case "unknownContract":
        return t("problems.unknownContract", { contract: problem.contract });
      default:
        return t(`problems.${problem.kind}`);
    }
  };

  return (
    <Card className="flex flex-col gap-4" data-testid="preview">
      <h2 className="font-semibold text-tremor-content-strong">{t("preview.title")}</h2>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        {COUNT_CARDS.map(({ key, decoration }) => (
          <CountCard
            key={key}
            testId={`count-${key}`}
            color={decoration}
            label={t(`preview.${key}`)}
            value={formatDecimal(counts[key])}
          />
        ))}
        <CountCard
          testId="count-minutes"
          color="slate"
          label={t("preview.minutes")}
          value={formatSignedMinutes(counts.minutes)}
        />
      </div>

      {preview.importedAt && (
        <Callout
          color="red"
          title={t("preview.alreadyImported", {
            date: formatDateTime(new Date(preview.importedAt)),
          })}
          data-testid="already-imported"
        />
      )}
      {counts.rejected > 0 && (
        <Callout
          color="amber"
          title={t("preview.fixRejected", {
            count: counts.rejected,
            formatted: formatDecimal(counts.rejected),
          })}
        />
      )}
      {!blocked && (
        <p className="text-tremor-default text-tremor-content">{t("preview.commitHint")}</p>
      )}
      {stale && (
        <p className="text-tremor-default text-amber-700" role="status">
          {t("preview.stale")}
        </p>
      )}
      <div>
        <button
          type="button"
          onClick={props.onCommit}
          disabled={pending || stale || blocked}
          className="rounded-tremor-small bg-emerald-600 px-4 py-2 font-medium text-white hover:bg-emerald-700 disabled:opacity-60"
        >
          {t("preview.commit")}
        </button>
      </div>

      {preview.rejected.length > 0 && (
        <PagedRows
          testId="rows-rejected"
          title={t("preview.rejectedTitle")}
          headers={[t("table.line"), t("fields.code"), t("table.problem")]}
          rows={preview.rejected.map((row) => [
            String(row.line),
            row.code ?? "",
            describe(row.problem),
          ])}
        />
      )}
      {preview.rows.length > 0 && (
        <PagedRows
          testId="rows-valid"
          title={t("preview.rowsTitle")}
          headers={[
            t("table.line"),
            t("fields.code"),
            t("table.customer"),
            t("table.kind"),
            t("fields.minutes"),
            t("table.balanceAfter"),
            t("fields.contract"),
            t("fields.comment"),
          ]}
          rows={preview.rows.map((row) => [
            String(row.line),
            row.code,
            row.customerName,
            t(row.minutes > 0 ? "table.topUp" : "table.adjustment"),
            formatSignedMinutes(row.minutes),
            formatMinutes(row.balanceBefore + row.minutes),
            row.contract ?? "",
            row.comment ?? "",
          ])}
        />
      )}
    </Card>
  );
}

function PagedRows(props: { testId: string; title: string; headers: string[]; rows: string[][] }) {
  const { visible, page, pages, setPage } = usePagedRows(props.rows);

  return (
    <section className="flex flex-col gap-2">
      <h3 className="font-semibold text-tremor-content-strong">{props.title}</h3>
      <Table data-testid={props.testId}>
        <TableHead>
          <TableRow>
            {props.headers.map((header) => (
              <TableHeaderCell key={header}>{header}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {visible.map((cells) => (
            <TableRow key={cells[0]}>
              {cells.map((cell, index) => (
                <TableCell key={index} className="whitespace-normal">
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <PageControls page={page} pages={pages} onPage={setPage} />
    </section>
  );
}
