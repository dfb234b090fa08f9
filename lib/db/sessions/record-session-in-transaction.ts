import { assertNotInFuture } from "@/lib/domain/session-time";

import { recordAudit } from "../audit";
import type { Tx } from "../client";
import { findSessionCustomer } from "./find-session-customer";
import { finishedInterval, type RecordSessionOptions } from "./record-session";
import { closeAndBill, lockSessionByCode } from "./session-billing";
import { type SessionOutcome, sessionData } from "./start-session";

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
