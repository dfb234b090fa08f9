// Reads everything a report needs in one pass and returns the ReportData that every renderer
// and the HTML preview share.
import { defaultGranularity, type Granularity, resolvePeriod } from "@/lib/domain/periods";
import type { Db } from "@/lib/db/client";
import {
  getReportCustomerOrThrow,
  listPeriodEntries,
  listPeriodSessions,
  listReportCustomers,
  sumLedger,
} from "@/lib/db/reports";

import { buildSections } from "./build-sections";
import type { ReportData, ReportKind } from "./types";

export interface ReportRequest {
  kind: ReportKind;
  from: string;
  to: string;
  // ERP customer code; null for all customers.
  customerCode: string | null;
  granularity?: Granularity;
}

/**
 * Assembles a report. Throws VALIDATION for an invalid period and NOT_FOUND
 * `reports.customerNotFound` for an unknown customer code.
 */
export async function assembleReport(db: Db, request: ReportRequest): Promise<ReportData> {
  const period = resolvePeriod({ from: request.from, to: request.to });
  const granularity = request.granularity ?? defaultGranularity(period.days);
  const customers = request.customerCode
    ? [await getReportCustomerOrThrow(db, request.customerCode)]
    : await listReportCustomers(db);
  const customerId = request.customerCode ? customers[0].id : null;
  const range = { start: period.start, end: period.end, customerId };

  const [totals, entries, sessions] = await Promise.all([
    sumLedger(db, range),
    request.kind === "SESSIONS"
      ? Promise.resolve([])
      : listPeriodEntries(db, { ...range, creditsOnly: request.kind === "TOP_UPS" }),
    request.kind === "SESSIONS" ? listPeriodSessions(db, range) : Promise.resolve([]),
  ]);

  const sections = buildSections({
    kind: request.kind,
    period,
    granularity,
    customers,
    totals,
    entries,
    sessions,
    includeIdle: customerId !== null,
  });

  return {
    kind: request.kind,
    period: { from: period.from, to: period.to, granularity },
    customerCode: request.customerCode,
    generatedAt: new Date(),
    sections,
  };
}
