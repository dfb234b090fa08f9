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

import type { FieldChange } from "@/lib/imports/registry-compare";
import type { RegistryField } from "@/lib/imports/registry-mapping";
import type { RegistryRow, RejectedRow, RejectionReason } from "@/lib/imports/registry-rows";

import type { RegistryPreview } from "./api";
import { CategoryTabs, NoRows, TruncationNote } from "./category-tabs";
import { PageControls, usePagedRows } from "./page-controls";

const CATEGORIES = ["new", "updated", "unchanged", "rejected", "devices", "missing"] as const;
type Category = (typeof CATEGORIES)[number];

interface TableRowData {
  // Null for customers missing from the file.
  line: number | null;
  code: string | null;
  name: string | null;
  detail: string;
}

/** Shows the rows of the preview in one tab per category, 50 rows per page. */
export function PreviewTables({ preview }: { preview: RegistryPreview }) {
  const t = useTranslations("imports");
  const empty = t("table.emptyValue");
  const fieldLabel = (field: RegistryField) => t(`fields.${field}`);
  const otherFields = preview.fields.filter((field) => field !== "code" && field !== "name");

  const describeValues = (row: RegistryRow) =>
    otherFields.map((field) => `${fieldLabel(field)}: ${row.values[field] ?? empty}`).join(" · ");
  const describeChanges = (changes: FieldChange[]) =>
    changes
      .map(
        ({ field, before, after }) =>
          `${fieldLabel(field)}: ${before ?? empty} → ${after ?? empty}`,
      )
      .join(" · ");
  const describeReason = (reason: RejectionReason) => {
    switch (reason.kind) {
      case "duplicateCode":
        return t("reasons.duplicateCode", { line: reason.firstLine });
      case "fieldCount":
        return t("reasons.fieldCount", { found: reason.found, expected: reason.expected });
      case "tooLong":
        return t("reasons.tooLong", { field: fieldLabel(reason.field), max: reason.max });
      case "invalidVatNumber":
      case "invalidTaxCode":
        return t(`reasons.${reason.kind}`, { value: reason.value });
      case "invalidDeviceId":
        return t("reasons.invalidDeviceId", {
          kind: t(`devices.${reason.deviceKind}`),
          value: reason.value,
        });
      case "duplicateDevice":
        return t("reasons.duplicateDevice", { remoteId: reason.remoteId, line: reason.firstLine });
      case "deviceConflict":
        return t("reasons.deviceConflict", {
          remoteId: reason.remoteId,
          customerCode: reason.customerCode,
        });
      case "unreadableCell":
        return t("reasons.unreadableCell", { column: reason.column });
      default:
        return t(`reasons.${reason.kind}`);
    }
  };

  const fromRow = (row: RegistryRow, detail: string): TableRowData => ({
    line: row.line,
    code: row.values.code,
    name: row.values.name,
    detail,
  });
  const rows: Record<Category, TableRowData[]> = {
    new: preview.new.map((row) => fromRow(row, describeValues(row))),
    updated: preview.updated.map((row) => fromRow(row, describeChanges(row.changes))),
    unchanged: preview.unchanged.map((row) => fromRow(row, "")),
    rejected: preview.rejected.map((row: RejectedRow) => ({
      line: row.line,
      code: row.code,
      name: row.name,
      detail: describeReason(row.reason),
    })),
    devices: preview.devices.map((device) => ({
      line: null,
      code: device.code,
      name: null,
      detail: `${t(`devices.${device.kind}`)}: ${device.remoteId}`,
    })),
    missing: preview.missing.map((customer) => ({
      line: null,
      code: customer.code,
      name: customer.name,
      detail: "",
    })),
  };
  const detailHeader: Record<Category, string | null> = {
    new: otherFields.length > 0 ? t("table.otherFields") : null,
    updated: t("table.changes"),
    unchanged: null,
    rejected: t("table.reason"),
    devices: t("table.device"),
    missing: null,
  };

  const tabs = CATEGORIES.map((category) => ({
    category,
    label: t(`summary.${category}`),
    count: preview.counts[category],
    hasRows: rows[category].length > 0,
  }));

  return (
    <CategoryTabs tabs={tabs}>
      {CATEGORIES.map((category) => (
        <TabPanel key={category}>
          <PagedTable
            category={category}
            rows={rows[category]}
            total={preview.counts[category]}
            detailHeader={detailHeader[category]}
          />
        </TabPanel>
      ))}
    </CategoryTabs>
  );
}

function PagedTable(props: {
  category: Category;
  rows: TableRowData[];
  total: number;
  detailHeader: string | null;
}) {
  const t = useTranslations("imports");
  const { visible, page, pages, setPage } = usePagedRows(props.rows);
  const withLines = props.category !== "missing" && props.category !== "devices";
  const withNames = props.category !== "devices";

  if (props.rows.length === 0) {
    return <NoRows text={t("table.empty")} />;
  }

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
            {withLines && <TableHeaderCell>{t("table.line")}</TableHeaderCell>}
            <TableHeaderCell>{t("fields.code")}</TableHeaderCell>
            {withNames && <TableHeaderCell>{t("fields.name")}</TableHeaderCell>}
            {props.detailHeader && <TableHeaderCell>{props.detailHeader}</TableHeaderCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {visible.map((row, index) => (
            <TableRow key={row.line ?? `${row.code}-${index}`}>
              {withLines && <TableCell>{row.line}</TableCell>}
              <TableCell>{row.code ?? t("table.emptyValue")}</TableCell>
              {withNames && <TableCell>{row.name ?? t("table.emptyValue")}</TableCell>}
              {props.detailHeader && (
                <TableCell className="whitespace-normal">{row.detail}</TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <PageControls page={page} pages={pages} onPage={setPage} />
    </div>
  );
}
