// A ZIP with the PDF statement of every customer for one period, written entry by entry to a
// stream: only the PDF being rendered is held in memory, never the whole archive.
import type { Writable } from "node:stream";

import archiver from "archiver";

import type { Db } from "@/lib/db/client";
import { listReportCustomers } from "@/lib/db/reports";
import { resolvePeriod } from "@/lib/domain/periods";
import { exportFileName } from "@/lib/validations/report";

import { assembleReport } from "../assemble-report";
import { renderReport } from "../render";
import type { ReportBranding } from "../template";

export interface StatementsZipOptions {
  from: string;
  to: string;
  branding: ReportBranding;
  // Called after each customer with the customers done so far and their total.
  onProgress?: (done: number, total: number) => Promise<void> | void;
}

/** Returns the name of a customer's statement inside the ZIP, e.g. estratto-conto_C00017_… .pdf. */
export function statementFileName(customerCode: string, from: string, to: string): string {
  return exportFileName({
    report: "statement",
    customer: customerCode,
    from,
    to,
    format: "pdf",
    granularity: undefined,
  });
}

/**
 * Writes the ZIP to `output` and returns the number of statements in it. Customers without
 * entries in the period whose balance is zero get no statement, as in the all-customers report.
 * Throws VALIDATION for an invalid period.
 */
export async function writeStatementsZip(
  db: Db,
  output: Writable,
  options: StatementsZipOptions,
): Promise<{ statements: number }> {
  const period = resolvePeriod({ from: options.from, to: options.to });
  const customers = await listReportCustomers(db);
  const archive = archiver("zip", { zlib: { level: 6 } });
  const closed = new Promise<void>((resolve, reject) => {
    output.once("close", resolve);
    output.once("finish", resolve);
    output.once("error", reject);
    archive.once("error", reject);
  });
  archive.pipe(output);
  let statements = 0;

  try {
    for (const [index, customer] of customers.entries()) {
      const data = await assembleReport(db, {
        kind: "STATEMENT",
        from: period.from,
        to: period.to,
        customerCode: customer.code,
      });
      const [section] = data.sections;
      const idle =
        section.rows.length === 0 &&
        section.balances.opening === 0 &&
        section.balances.closing === 0;
      if (!idle) {
        const pdf = await renderReport("pdf", data, options.branding);
        archive.append(Buffer.from(pdf), {
          name: statementFileName(customer.code, period.from, period.to),
          date: data.generatedAt,
        });
        statements += 1;
      }
      await options.onProgress?.(index + 1, customers.length);
    }
  } catch (error) {
    archive.abort();
    throw error;
  }

  await archive.finalize();
  await closed;

  return { statements };
}
