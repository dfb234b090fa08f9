// Bulk writes of a session import: closed sessions inserted with one statement per batch, and the
// SESSION entries of each customer appended through the ledger in one call.
import type { Tx } from "../client";
import { createId } from "../ids";
import { appendLedgerEntries, type NewLedgerEntry } from "../ledger";
import { sessionIdempotencyKey } from "../sessions";
import type { PlannedCharge, PlannedSession } from "./plan-billing";

export interface ChargeAudit {
  customerId: string;
  entries: number;
  // The signed change of the balance.
  minutes: number;
  balanceAfter: number | null;
}

// Rows per INSERT, so the progress moves while a large file is written. Arrays are bound as one
// parameter each, so the size is not limited by the number of bind parameters.
export const INSERT_BATCH_SIZE = 2000;

/**
 * Inserts `sessions` as closed IMPORT sessions with their billed minutes and returns their ids by
 * code. Calls `onBatch` with the number of rows written after each batch.
 */
export async function insertClosedSessions(
  tx: Tx,
  sessions: PlannedSession[],
  options: { now: Date; onBatch: (written: number) => Promise<void> },
): Promise<Map<string, string>> {
  const idByCode = new Map<string, string>();
  const now = options.now.toISOString();

  for (let start = 0; start < sessions.length; start += INSERT_BATCH_SIZE) {
    const batch = sessions.slice(start, start + INSERT_BATCH_SIZE);
    const ids = batch.map((session) => {
      const id = createId();
      idByCode.set(session.code, id);

      return id;
    });
    const column = <T>(value: (session: PlannedSession) => T) => batch.map(value);

    // Timestamps travel as ISO 8601 text and are stored as UTC, like Prisma stores DateTime.
    await tx.$executeRaw`
      INSERT INTO "Session" (
        "id", "code", "customerId", "contractId", "operatorName", "remoteDeviceId",
        "connectionType", "status", "source", "startedAt", "endedAt", "seconds",
        "billedMinutes", "billable", "billingRule", "notes", "createdAt", "updatedAt"
      )
      SELECT
        row."id", row."code", row."customerId", row."contractId", row."operatorName",
        row."remoteDeviceId", row."connectionType", 'CLOSED'::"SessionStatus", 'IMPORT'::"SessionSource",
        row."startedAt"::timestamptz AT TIME ZONE 'UTC',
        row."endedAt"::timestamptz AT TIME ZONE 'UTC',
        row."seconds", row."billedMinutes", true, row."billingRule"::jsonb, row."notes",
        ${now}::timestamptz AT TIME ZONE 'UTC', ${now}::timestamptz AT TIME ZONE 'UTC'
      FROM unnest(
        ${ids}::text[],
        ${column((session) => session.code)}::text[],
        ${column((session) => session.customerId)}::text[],
        ${column((session) => session.contractId)}::text[],
        ${column((session) => session.operatorName)}::text[],
        ${column((session) => session.remoteDeviceId)}::text[],
        ${column((session) => session.connectionType)}::text[],
        ${column((session) => session.startedAt.toISOString())}::text[],
        ${column((session) => session.endedAt.toISOString())}::text[],
        ${column((session) => session.seconds)}::int[],
        ${column((session) => session.billedMinutes)}::int[],
        ${column((session) => JSON.stringify(session.rule))}::text[],
        ${column((session) => session.notes)}::text[]
      ) AS row(
        "id", "code", "customerId", "contractId", "operatorName", "remoteDeviceId",
        "connectionType", "startedAt", "endedAt", "seconds", "billedMinutes", "billingRule",
        "notes"
      )`;
    await options.onBatch(start + batch.length);
  }

  return idByCode;
}

/**
 * Appends the SESSION entries of `charges` (all of one customer), oldest session first. Each
 * carries the idempotency key that recordSession gives the charge of a closed session, so no later
 * close or import can charge that session again. Returns what the import's audit event records in
 * place of the ledger's own event per append.
 */
export async function appendCharges(
  tx: Tx,
  options: {
    customerId: string;
    charges: PlannedCharge[];
    idByCode: Map<string, string>;
    authorId: string | null;
  },
): Promise<ChargeAudit> {
  const entries: NewLedgerEntry[] = [...options.charges]
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())
    .map((charge) => ({
      kind: "SESSION",
      minutes: -charge.minutes,
      occurredAt: charge.occurredAt,
      contractId: charge.contractId,
      sessionId: options.idByCode.get(charge.code) ?? null,
      idempotencyKey: sessionIdempotencyKey(charge.code),
    }));

  const created = await appendLedgerEntries(tx, {
    customerId: options.customerId,
    authorId: options.authorId,
    entries,
    skipAudit: true,
  });

  return {
    customerId: options.customerId,
    entries: created.length,
    minutes: entries.reduce((sum, entry) => sum + entry.minutes, 0),
    balanceAfter: created.at(-1)?.balanceAfter ?? null,
  };
}
