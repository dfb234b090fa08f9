import { contractInEffect } from "@/lib/domain/session-association";
import { AppError } from "@/lib/errors";

import { recordAudit } from "../audit";
import type { Db, Tx } from "../client";
import { Prisma, type Session } from "../generated/client";
import { runLedgerTransaction } from "../ledger";
import { rebillSessionGroups } from "./bill-session-group";
import { sessionIdempotencyKey } from "./session-billing";

// One form submission; larger selections are split by the caller.
export const MAX_SESSIONS_PER_ASSIGNMENT = 500;

/**
 * Assigns sessions of the "to assign" inbox to a customer in one transaction. Closed, billable
 * sessions then draw their minutes, one SESSION entry each unless reconnection merging folds one
 * into another. All or nothing: throws NOT_FOUND (`session.notFound`) when an id is unknown and
 * CONFLICT (`session.alreadyAssigned`) when a session has a customer already, because reassigning
 * goes through updateSession and its reversal entries.
 */
export async function assignSessions(
  db: Db,
  options: { sessionIds: string[]; customerId: string; actorId: string | null },
): Promise<Session[]> {
  const ids = [...new Set(options.sessionIds)].sort();
  if (ids.length === 0 || ids.length > MAX_SESSIONS_PER_ASSIGNMENT) {
    const values = { max: MAX_SESSIONS_PER_ASSIGNMENT };
    throw new AppError("VALIDATION", "session.assignmentSize", {
      values,
      fields: [{ field: "sessionIds", message: "session.assignmentSize", values }],
    });
  }

  return runLedgerTransaction(db, async (tx) => {
    const sessions = await lockSessions(tx, ids);
    const customer = await tx.customer.findUnique({
      where: { id: options.customerId },
      select: { id: true, contracts: { select: { id: true, startsOn: true, endsOn: true } } },
    });
    if (!customer) throw new AppError("NOT_FOUND", "customer.notFound");

    // In time order, so each closed session is billed after the reconnections that preceded it.
    sessions.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    for (const session of sessions) {
      await tx.session.update({
        where: { id: session.id },
        data: {
          customerId: customer.id,
          contractId: contractInEffect(customer.contracts, session.startedAt),
        },
      });
      await recordAudit(tx, {
        actorId: options.actorId,
        action: "session.assign",
        entityType: "Session",
        entityId: session.id,
        before: { customerId: null },
        after: { customerId: customer.id },
      });
      if (session.endedAt === null || !session.billable) continue;

      await rebillSessionGroups(tx, {
        customerId: customer.id,
        anchors: [{ code: session.code, startedAt: session.startedAt, endedAt: session.endedAt }],
        charge: { code: session.code, idempotencyKey: sessionIdempotencyKey(session.code) },
        authorId: options.actorId,
      });
    }

    return tx.session.findMany({ where: { id: { in: ids } }, orderBy: { startedAt: "asc" } });
  });
}

async function lockSessions(tx: Tx, ids: string[]): Promise<Session[]> {
  // Locked in id order, so two assignments that share sessions cannot deadlock.
  await tx.$queryRaw`
    SELECT "id" FROM "Session" WHERE "id" IN (${Prisma.join(ids)}) ORDER BY "id" FOR NO KEY UPDATE`;
  const sessions = await tx.session.findMany({ where: { id: { in: ids } } });

  const found = new Set(sessions.map((session) => session.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing) {
    throw new AppError("NOT_FOUND", "session.notFound", { values: { id: missing } });
  }

  const assigned = sessions.find((session) => session.customerId !== null);
  if (assigned) {
    throw new AppError("CONFLICT", "session.alreadyAssigned", { values: { code: assigned.code } });
  }

  return sessions;
}
