import { sessionSeconds } from "@/lib/domain/bill-session";
import {
  assertNotInFuture,
  assertSessionDuration,
  assertStartNotTooOld,
  MAX_RECORDED_START_AGE_MS,
} from "@/lib/domain/session-time";
import { AppError } from "@/lib/errors";

import { recordAudit } from "../audit";
import type { Db, Tx } from "../client";
import { findSessionCustomer } from "./find-session-customer";
import { closeAndBill, lockSessionByCode, runSessionTransaction } from "./session-billing";
import {
  assertSameCustomer,
  type SessionDetails,
  type SessionOutcome,
  sessionData,
} from "./start-session";

export interface RecordSessionOptions extends SessionDetails {
  startedAt?: Date | null;
  // Either the end or the duration in seconds; when both are given they must agree.
  endedAt?: Date | null;
  durationSeconds?: number | null;
}

/**
 * Records a finished session and charges it like endSession. Recording a code that exists
 * returns that session. A CLOSED session is returned unchanged, and a RUNNING one is closed at
 * this end. So a retried record charges once, and the session's unique code enforces it under concurrency too.
 *
 * Throws VALIDATION AppErrors for a missing start (`session.startMissing`), a missing end and
 * duration (`session.endMissing`), a negative or fractional duration (`session.invalidDuration`),
 * an end and duration that disagree (`session.durationMismatch`), an end before the start, a
 * start or end in the future, a session longer than a day (`session.tooLong`), and a start more
 * than MAX_RECORDED_START_AGE_MS ago (`session.startTooOld`).
 */
export async function recordSession(
  db: Db,
  options: RecordSessionOptions,
): Promise<SessionOutcome> {
  const now = options.now ?? new Date();
  const { startedAt, endedAt } = finishedInterval(options);
  assertNotInFuture({ instant: startedAt, now, field: "startedAt", code: options.code });
  assertNotInFuture({ instant: endedAt, now, field: "endedAt", code: options.code });
  assertStartNotTooOld({
    startedAt,
    now,
    maxAgeMs: MAX_RECORDED_START_AGE_MS,
    code: options.code,
  });

  const existing = await db.session.findUnique({ where: { code: options.code } });
  if (existing) await assertSameCustomer(db, existing, options.customerCode);
  if (existing?.status === "CLOSED") return { session: existing, created: false };

  return runSessionTransaction<SessionOutcome>(
    db,
    (tx) => recordSessionInTransaction(tx, { ...options, now }),
    async () => {
      const session = await db.session.findUnique({ where: { code: options.code } });

      return session?.status === "CLOSED" ? { session, created: false } : null;
    },
  );
}

/**
 * Records a finished session in the caller's transaction, with the checks, association and
 * billing of recordSession, so that many sessions can be written all or nothing.
 *
 * Unlike recordSession it cannot recover from a concurrent request that creates the same code
 * first: the unique constraint then fails the statement, which aborts the caller's transaction.
 * The caller decides whether to retry the whole of it.
 */
export async function recordSessionInTransaction(
  tx: Tx,
  options: RecordSessionOptions,
): Promise<SessionOutcome> {
  const now = options.now ?? new Date();
  const { startedAt, endedAt } = finishedInterval(options);
  assertNotInFuture({ instant: startedAt, now, field: "startedAt", code: options.code });
  assertNotInFuture({ instant: endedAt, now, field: "endedAt", code: options.code });

  const existing = await lockSessionByCode(tx, options.code);
  if (existing?.status === "CLOSED") return { session: existing, created: false };
  if (existing) {
    const session = await closeAndBill(tx, {
      session: existing,
      endedAt,
      actorId: options.actorId,
    });

    return { session, created: false };
  }

  const owner = await findSessionCustomer(tx, { ...options, at: startedAt });
  const created = await tx.session.create({
    data: { ...sessionData(options), ...owner, status: "RUNNING", startedAt },
  });
  await recordAudit(tx, {
    actorId: options.actorId,
    action: "session.record",
    entityType: "Session",
    entityId: created.id,
    after: { code: created.code, customerId: created.customerId, source: created.source },
  });
  const session = await closeAndBill(tx, { session: created, endedAt, actorId: options.actorId });

  return { session, created: true };
}

// Resolves the start and end from the request, naming the field at fault.
export function finishedInterval(options: RecordSessionOptions): {
  startedAt: Date;
  endedAt: Date;
} {
  const { startedAt, endedAt, durationSeconds, code } = options;
  if (!startedAt) throw fieldError("session.startMissing", "startedAt", { code });

  if (durationSeconds !== null && durationSeconds !== undefined) {
    if (!Number.isInteger(durationSeconds) || durationSeconds < 0) {
      throw fieldError("session.invalidDuration", "durationSeconds", {
        seconds: String(durationSeconds),
      });
    }
    // Checked before the end is computed, so a huge duration cannot make an invalid date.
    assertSessionDuration({ seconds: durationSeconds, code, field: "durationSeconds" });
    if (!endedAt)
      return { startedAt, endedAt: new Date(startedAt.getTime() + durationSeconds * 1000) };

    const seconds = sessionSeconds(startedAt, endedAt, code);
    // The tools log whole seconds, so one second of difference is rounding, not a disagreement.
    if (Math.abs(seconds - durationSeconds) > 1) {
      throw fieldError("session.durationMismatch", "durationSeconds", {
        code,
        seconds: durationSeconds,
        between: seconds,
      });
    }
  }
  if (!endedAt) throw fieldError("session.endMissing", "endedAt", { code });

  const seconds = sessionSeconds(startedAt, endedAt, code);
  assertSessionDuration({ seconds, code, field: "endedAt" });

  return { startedAt, endedAt };
}

function fieldError(messageKey: string, field: string, values: Record<string, string | number>) {
  return new AppError("VALIDATION", messageKey, {
    values,
    fields: [{ field, message: messageKey, values }],
  });
}
