// Streams a report of one or all customers to a TableWriter in batches read with keyset
// pagination, so memory does not grow with the number of rows. Each batch goes through the same
// buildSections and buildTable as the in-memory renderers, so the cells and totals are the same.
import type { Db } from "@/lib/db/client";
import { countExportRows, entryBatches, sessionBatches } from "@/lib/db/report-batches";
import { getReportCustomerOrThrow, listReportCustomers, sumLedger } from "@/lib/db/reports";
import { resolvePeriod, type Period } from "@/lib/domain/periods";

import { buildSections, type SourceEntry, type SourceSession } from "../build-sections";
import { buildTable, type Cell } from "../table";
import type { ReportBranding } from "../template";
import type { Balances, ReportCustomer, ReportKind, ReportSection } from "../types";
import type { StreamedSection, TableWriter } from "./table-writer";

export const DEFAULT_BATCH_SIZE = 5_000;

export interface StreamReportRequest {
  kind: ReportKind;
  from: string;
  to: string;
  // ERP customer code; null for all customers.
  customerCode: string | null;
}

export interface StreamReportOptions {
  branding: ReportBranding;
  batchSize?: number;
  // Called after each batch with the rows written so far and the total to write.
  onProgress?: (written: number, total: number) => Promise<void> | void;
}

type SourceBatch = { entries: SourceEntry[]; sessions: SourceSession[] };

async function* sourceBatches(
  db: Db,
  kind: ReportKind,
  range: { customerId: string; start: Date; end: Date },
  batchSize: number,
): AsyncGenerator<SourceBatch> {
  if (kind === "SESSIONS") {
    for await (const sessions of sessionBatches(db, range, batchSize)) {
      yield { entries: [], sessions };
    }
    return;
  }

  const creditsOnly = kind === "TOP_UPS";
  for await (const entries of entryBatches(db, range, { creditsOnly, batchSize })) {
    yield { entries, sessions: [] };
  }
}

// Builds the section of one batch. A statement's running balance continues from `opening`, the
// balance after the previous batch.
function batchSection(
  kind: ReportKind,
  period: Period,
  customer: ReportCustomer,
  opening: number,
  batch: SourceBatch,
): ReportSection {
  const [section] = buildSections({
    kind,
    period,
    granularity: "month",
    customers: [customer],
    totals: [{ customerId: customer.id, opening, credits: 0, debits: 0 }],
    entries: batch.entries,
    sessions: batch.sessions,
    includeIdle: true,
  });

  return section;
}

function emptySection(kind: ReportKind, customer: ReportCustomer, balances: Balances) {
  const chart = { granularity: "month" as const, series: [], buckets: [] };
  const base = { customer, balances, chart, rows: [] };
  if (kind === "SESSIONS") {
    return { ...base, kind, totals: { count: 0, seconds: 0, billedMinutes: 0 } };
  }
  if (kind === "TOP_UPS") {
    const byKind = { TOP_UP: 0, POSTPAID_BILLING: 0, ADJUSTMENT: 0 };
    return { ...base, kind, totals: { count: 0, minutes: 0, byKind } };
  }

  return { ...base, kind, totals: { count: 0, credits: 0, debits: 0 } };
}

/**
 * Writes the report to `writer` and returns the number of rows written. Throws VALIDATION for an
 * invalid period and NOT_FOUND `reports.customerNotFound` for an unknown customer code. With all
 * customers, customers without rows whose balance is zero are left out, as in the report page.
 */
export async function streamReport(
  db: Db,
  request: StreamReportRequest,
  writer: TableWriter,
  options: StreamReportOptions,
): Promise<{ rows: number; sections: number }> {
  const period = resolvePeriod({ from: request.from, to: request.to });
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const customers = request.customerCode
    ? [await getReportCustomerOrThrow(db, request.customerCode)]
    : await listReportCustomers(db);
  const customerId = request.customerCode ? customers[0].id : null;
  const scope = { start: period.start, end: period.end, customerId };
  const totalsOf = new Map((await sumLedger(db, scope)).map((row) => [row.customerId, row]));
  const total = await countExportRows(db, { kind: request.kind, ...scope });
  const written: StreamedSection[] = [];
  let rowCount = 0;

  for (const customer of customers) {
    const totals = totalsOf.get(customer.id);
    const opening = totals?.opening ?? 0;
    const credits = totals?.credits ?? 0;
    const debits = totals?.debits ?? 0;
    const balances = { opening, credits, debits, closing: opening + credits - debits };
    const empty = emptySection(request.kind, customer, balances) as ReportSection;
    const template = buildTable(empty, options.branding);
    const section: StreamedSection = {
      kind: request.kind,
      customer,
      balances,
      columns: template.columns,
      period: { from: period.from, to: period.to },
    };
    const sums = template.columns.map(() => 0);
    let started = false;
    let carried = opening;

    const range = { customerId: customer.id, start: period.start, end: period.end };
    for await (const batch of sourceBatches(db, request.kind, range, batchSize)) {
      if (!started) {
        await writer.startSection(section);
        started = true;
      }
      const built = batchSection(request.kind, period, customer, carried, batch);
      const table = buildTable(built, options.branding);
      if (built.kind === "STATEMENT") carried = built.rows.at(-1)?.balance ?? carried;
      addSums(sums, table.columns, table.rows);
      await writer.writeRows(table.rows);
      rowCount += table.rows.length;
      await options.onProgress?.(rowCount, total);
    }

    const idle = !started && opening === 0 && balances.closing === 0;
    if (idle && customerId === null) continue;
    if (!started) await writer.startSection(section);
    await writer.endSection(totalsRow(template.columns, template.totals, sums));
    written.push(section);
  }

  await writer.finish(written);
  await options.onProgress?.(rowCount, total);

  return { rows: rowCount, sections: written.length };
}

function addSums(sums: number[], columns: { summed: boolean }[], rows: Cell[][]) {
  columns.forEach((column, index) => {
    if (!column.summed) return;
    for (const row of rows) sums[index] += Number(row[index] ?? 0);
  });
}

// The totals row of the empty section has the label and the closing balance in place. The sums of
// the streamed rows fill its summed columns. Decimal sums are rounded back to one decimal, as
// buildTable does, because adding one-decimal values collects binary rounding noise.
function totalsRow(
  columns: { summed: boolean; type: string }[],
  template: Cell[],
  sums: number[],
): Cell[] {
  return template.map((cell, index) => {
    if (!columns[index].summed) return cell;

    return columns[index].type === "decimal" ? Math.round(sums[index] * 10) / 10 : sums[index];
  });
}
