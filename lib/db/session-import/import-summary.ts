// The counts, totals and rows that the preview and the commit of a session import return, as
// plain JSON for the browser.
import type { BillingExplanation } from "@/lib/domain/bill-session";
import type { Delimiter } from "@/lib/imports/csv";
import type { SessionLogFormat } from "@/lib/imports/session-csv-mapping";
import type { SessionLog } from "@/lib/imports/session-log";
import type { ImportedSession, RejectedSessionRow } from "@/lib/imports/session-rows";
import type { TextEncoding } from "@/lib/imports/text-encoding";

import type { BillingPlan, CustomerTotal, PlannedSession } from "./plan-billing";
import type { SessionResolution } from "./resolve-sessions";

export interface SessionImportCounts {
  // Data rows in the file.
  rows: number;
  // New sessions on a customer, by customer code or registered device.
  onCustomer: number;
  // New sessions without a customer, for the "to assign" inbox.
  toAssign: number;
  // Rows whose code is already a closed session: skipped.
  alreadyImported: number;
  rejected: number;
}

export interface SessionRowView {
  line: number;
  code: string;
  derivedCode: boolean;
  remoteDeviceId: string | null;
  customerCode: string | null;
  customer: { code: string; name: string } | null;
  operatorName: string | null;
  connectionType: string | null;
  // ISO 8601 UTC.
  startedAt: string;
  endedAt: string;
  seconds: number;
  // Null for rows already imported, which the import leaves alone.
  billedMinutes: number | null;
  rule: BillingExplanation | null;
}

export interface CustomerTotalView {
  id: string;
  code: string;
  name: string;
  sessions: number;
  // Minutes drawn from the balance by the import.
  minutes: number;
  balanceBefore: number;
  balanceAfter: number;
}

export interface SessionImportSummary {
  fileName: string;
  format: SessionLogFormat;
  encoding: TextEncoding;
  delimiter: Delimiter | null;
  counts: SessionImportCounts;
  // Minutes drawn from all customers.
  billedMinutes: number;
  customers: CustomerTotalView[];
}

/** Returns the counts and customer totals of an analysed import. */
export function summarise(
  fileName: string,
  log: SessionLog,
  resolution: SessionResolution,
  plan: BillingPlan,
): SessionImportSummary {
  const onCustomer = plan.sessions.filter((session) => session.customerId !== null).length;
  const customers = plan.customers.map(customerTotalView);

  return {
    fileName,
    format: log.format,
    encoding: log.encoding,
    delimiter: log.delimiter,
    counts: {
      rows: log.rowCount,
      onCustomer,
      toAssign: plan.sessions.length - onCustomer,
      alreadyImported: resolution.alreadyImported.length,
      rejected: log.rejected.length + resolution.rejected.length,
    },
    billedMinutes: customers.reduce((sum, customer) => sum + customer.minutes, 0),
    customers,
  };
}

function customerTotalView({ customer, sessions, minutes }: CustomerTotal): CustomerTotalView {
  return {
    id: customer.id,
    code: customer.code,
    name: customer.name,
    sessions,
    minutes,
    balanceBefore: customer.balanceMinutes,
    balanceAfter: customer.balanceMinutes - minutes,
  };
}

/** Returns a row of the preview tables. */
export function sessionRowView(
  session: ImportedSession | PlannedSession,
  resolution: SessionResolution,
): SessionRowView {
  const planned = "rule" in session ? session : null;
  const customer = planned?.customerId ? resolution.customers.get(planned.customerId) : undefined;

  return {
    line: session.line,
    code: session.code,
    derivedCode: session.derivedCode,
    remoteDeviceId: session.remoteDeviceId,
    customerCode: session.customerCode,
    customer: customer ? { code: customer.code, name: customer.name } : null,
    operatorName: session.operatorName,
    connectionType: session.connectionType,
    startedAt: session.startedAt.toISOString(),
    endedAt: session.endedAt.toISOString(),
    seconds: session.seconds,
    billedMinutes: planned?.billedMinutes ?? null,
    rule: planned?.rule ?? null,
  };
}

/** Returns every rejected row of the file and of the database checks, in line order. */
export function allRejected(log: SessionLog, resolution: SessionResolution): RejectedSessionRow[] {
  return [...log.rejected, ...resolution.rejected].sort((a, b) => a.line - b.line);
}
