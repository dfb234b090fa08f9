import { PREVIEW_ROW_LIMIT } from "@/lib/imports/limits";
import type {
  RequestedSessionLogFormat,
  SessionCsvMapping,
} from "@/lib/imports/session-csv-mapping";
import { readSessionLog, type SessionLog } from "@/lib/imports/session-log";
import type { RejectedSessionRow } from "@/lib/imports/session-rows";

import type { Db, Tx } from "../client";
import {
  allRejected,
  type SessionImportSummary,
  type SessionRowView,
  sessionRowView,
  summarise,
} from "./import-summary";
import { type BillingPlan, planBilling } from "./plan-billing";
import { resolveSessions, type SessionResolution } from "./resolve-sessions";

export interface SessionImportInput {
  fileName: string;
  bytes: Uint8Array;
  format: RequestedSessionLogFormat;
  // Required for a CSV file, ignored for a TeamViewer log.
  mapping: SessionCsvMapping | null;
  // The server's current time, injectable for tests.
  now?: Date;
}

export interface SessionImportPreview extends SessionImportSummary {
  // Maximum rows listed per category except rejected, which are all listed.
  rowLimit: number;
  onCustomer: SessionRowView[];
  toAssign: SessionRowView[];
  alreadyImported: SessionRowView[];
  rejected: RejectedSessionRow[];
}

export interface AnalysedImport {
  log: SessionLog;
  resolution: SessionResolution;
  plan: BillingPlan;
}

/** Reads the file, sorts its rows against the database and bills the new sessions. */
export async function analyseSessionImport(
  db: Db | Tx,
  log: SessionLog,
  now: Date,
): Promise<AnalysedImport> {
  const resolution = await resolveSessions(db, log.sessions, now);
  const plan = await planBilling(db, resolution);

  return { log, resolution, plan };
}

/**
 * Returns what committing the file would do, row by row, without writing anything. Each new
 * session comes with its customer or the inbox and its billed minutes. Rows already imported and
 * rejected rows (with their reasons) are listed apart, and the totals give the minutes drawn from
 * each customer.
 */
export async function previewSessionImport(
  db: Db,
  input: SessionImportInput,
): Promise<SessionImportPreview> {
  const log = readSessionLog(input.bytes, input);
  const { resolution, plan } = await analyseSessionImport(db, log, input.now ?? new Date());
  const view = (session: Parameters<typeof sessionRowView>[0]) =>
    sessionRowView(session, resolution);
  const onCustomer = plan.sessions.filter((session) => session.customerId !== null);
  const toAssign = plan.sessions.filter((session) => session.customerId === null);

  return {
    ...summarise(input.fileName, log, resolution, plan),
    rowLimit: PREVIEW_ROW_LIMIT,
    onCustomer: onCustomer.slice(0, PREVIEW_ROW_LIMIT).map(view),
    toAssign: toAssign.slice(0, PREVIEW_ROW_LIMIT).map(view),
    alreadyImported: resolution.alreadyImported.slice(0, PREVIEW_ROW_LIMIT).map(view),
    rejected: allRejected(log, resolution),
  };
}
