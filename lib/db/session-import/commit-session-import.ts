import { createHash } from "node:crypto";

import { AppError } from "@/lib/errors";
import { readSessionLog } from "@/lib/imports/session-log";

import { recordAudit } from "../audit";
import type { Db, Tx } from "../client";
import { Prisma } from "../generated/client";
import { isUniqueViolation } from "../ledger";
import { recordSessionInTransaction } from "../sessions";
import { type SessionImportSummary, summarise } from "./import-summary";
import type { PlannedCharge, PlannedSession } from "./plan-billing";
import { analyseSessionImport, type SessionImportInput } from "./preview-session-import";
import { appendCharges, type ChargeAudit, insertClosedSessions } from "./write-sessions";

export type SessionImportPhase = "reading" | "matching" | "writing" | "charging" | "recording";

/** How far the commit has come: `done` of `total` items of the current phase. */
export interface SessionImportProgress {
  phase: SessionImportPhase;
  done: number;
  total: number;
}

export interface SessionImportResult extends SessionImportSummary {
  elapsedMs: number;
}

// Prisma's default limit for an interactive transaction is 5 s. On the embedded database of a
// 2-core machine, a generated log of 20,000 connections on 150 customers committed in 3.6 to 5.4 s
// (tests/db/session-import-large.test.ts), and the 20 MB upload limit allows about eight times as
// many rows.
const COMMIT_TIMEOUT_MS = 300_000;

/**
 * Imports the new sessions of the file in ONE transaction and returns what was written, with the
 * customers' balances after it. Rows already imported and rejected rows are skipped, so importing
 * the same file again writes nothing. Any failure rolls back the whole import.
 *
 * Most sessions are inserted in bulk with one SESSION entry per reconnection group, and sessions
 * that merge with stored ones are recorded one by one (see plan-billing.ts). One audit event
 * describes the import and the ledger entries of the bulk part. Throws a CONFLICT AppError (`sessionImport.concurrentChange`) when another
 * request created one of the sessions meanwhile, because the plan made at the start no longer
 * holds.
 */
export async function commitSessionImport(
  db: Db,
  input: SessionImportInput & {
    actorId: string | null;
    onProgress?: (progress: SessionImportProgress) => void | Promise<void>;
  },
): Promise<SessionImportResult> {
  const startedMs = performance.now();
  const now = input.now ?? new Date();
  const report = async (phase: SessionImportPhase, done: number, total: number) => {
    await input.onProgress?.({ phase, done, total });
  };

  await report("reading", 0, 1);
  const log = readSessionLog(input.bytes, input);
  await report("reading", 1, 1);

  try {
    const summary = await db.$transaction(
      async (tx) => {
        await report("matching", 0, 1);
        const { resolution, plan } = await analyseSessionImport(tx, log, now);
        await lockCustomers(tx, [...resolution.customers.keys()]);
        await report("matching", 1, 1);

        const bulk = plan.sessions.filter((session) => session.write === "bulk");
        await report("writing", 0, bulk.length);
        const idByCode = await insertClosedSessions(tx, bulk, {
          now,
          onBatch: (written) => report("writing", written, bulk.length),
        });

        const chargesByCustomer = groupCharges(plan.charges);
        const ledger: ChargeAudit[] = [];
        await report("charging", 0, chargesByCustomer.size);
        for (const [customerId, charges] of chargesByCustomer) {
          const authorId = input.actorId;
          ledger.push(await appendCharges(tx, { customerId, charges, idByCode, authorId }));
          await report("charging", ledger.length, chargesByCustomer.size);
        }

        const merging = plan.sessions.filter((session) => session.write === "record");
        await recordMerging(tx, merging, { ...input, now }, report);

        const result = summarise(input.fileName, log, resolution, plan);
        await recordAudit(tx, {
          actorId: input.actorId,
          action: "session.import",
          entityType: "Session",
          after: {
            fileName: input.fileName,
            sha256: createHash("sha256").update(input.bytes).digest("hex"),
            format: log.format,
            counts: { ...result.counts },
            billedMinutes: result.billedMinutes,
            ledger: ledger.map((change) => ({ ...change })),
          },
        });

        return withStoredBalances(tx, result);
      },
      { timeout: COMMIT_TIMEOUT_MS, maxWait: 30_000 },
    );

    return { ...summary, elapsedMs: Math.round(performance.now() - startedMs) };
  } catch (error) {
    throw toImportError(error);
  }
}

// Locks the customers' rows as rebillSessionGroups does, before billing reads their stored
// sessions and ledger. Taking the locks in id order keeps two imports of overlapping customers
// from waiting on each other in opposite orders.
async function lockCustomers(tx: Tx, customerIds: string[]): Promise<void> {
  if (customerIds.length === 0) return;

  await tx.$queryRaw`
    SELECT "id" FROM "Customer" WHERE "id" = ANY(${customerIds}::text[])
    ORDER BY "id" FOR NO KEY UPDATE`;
}

function groupCharges(charges: PlannedCharge[]): Map<string, PlannedCharge[]> {
  const groups = new Map<string, PlannedCharge[]>();
  for (const charge of charges) {
    const list = groups.get(charge.customerId);
    if (list) list.push(charge);
    else groups.set(charge.customerId, [charge]);
  }

  return groups;
}

// Sessions that merge with stored ones are recorded in start order, each close charging the
// difference its group now bills, as if the log had been sent through the API live.
async function recordMerging(
  tx: Tx,
  sessions: PlannedSession[],
  options: { actorId: string | null; now: Date },
  report: (phase: SessionImportPhase, done: number, total: number) => Promise<void>,
): Promise<void> {
  const ordered = [...sessions].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  await report("recording", 0, ordered.length);

  for (const [index, session] of ordered.entries()) {
    await recordSessionInTransaction(tx, {
      code: session.code,
      customerCode: session.customerCode,
      remoteDeviceId: session.remoteDeviceId,
      connectionType: session.connectionType,
      operatorName: session.operatorName,
      notes: session.notes,
      source: "IMPORT",
      startedAt: session.startedAt,
      endedAt: session.endedAt,
      actorId: options.actorId,
      now: options.now,
    });
    await report("recording", index + 1, ordered.length);
  }
}

// Balances read while sorting the rows may predate the customer locks, so the stored ones replace
// them.
async function withStoredBalances(
  tx: Tx,
  summary: SessionImportSummary,
): Promise<SessionImportSummary> {
  const stored = await tx.customer.findMany({
    where: { id: { in: summary.customers.map((customer) => customer.id) } },
    select: { id: true, balanceMinutes: true },
  });
  const balanceOf = new Map(stored.map((customer) => [customer.id, customer.balanceMinutes]));

  return {
    ...summary,
    customers: summary.customers.map((customer) => {
      const balanceAfter = balanceOf.get(customer.id) ?? customer.balanceAfter;

      // The customer rows are locked since before billing, so only this import moved them.
      return { ...customer, balanceBefore: balanceAfter + customer.minutes, balanceAfter };
    }),
  };
}

// A concurrent record of a code in this file can also deadlock with the import: it inserts the
// code and waits for the customer lock the import holds, while the import waits to insert the
// same code. PostgreSQL then fails one of the two, reported here as the same conflict.
function toImportError(error: unknown): unknown {
  if (isUniqueViolation(error) || isDeadlock(error)) {
    return new AppError("CONFLICT", "sessionImport.concurrentChange", { cause: error });
  }
  if (String((error as { message?: unknown })?.message).includes("integer out of range")) {
    return new AppError("VALIDATION", "ledger.balanceOutOfRange", { cause: error });
  }

  return error;
}

function isDeadlock(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;

  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: unknown } })?.cause;

  return error.code === "P2034" || cause?.originalCode === "40P01";
}
