// Steps shared by the functions that close, record, assign and update sessions.
import { type BillingExplanation, billSession, sessionSeconds } from "@/lib/domain/bill-session";
import { assertSessionDuration } from "@/lib/domain/session-time";
import { AppError } from "@/lib/errors";

import { recordAudit } from "../audit";
import type { Db, Tx } from "../client";
import type { Prisma, Session } from "../generated/client";
import { type NewLedgerEntry, runLedgerTransaction } from "../ledger";
import { rebillSessionGroups } from "./bill-session-group";
import { getCustomerBillingRules } from "./billing-settings";

/** Returns the idempotency key of the entry that charges a session when it closes. */
export function sessionIdempotencyKey(code: string): string {
  return `session:${code}`;
}

export function billingRuleJson(rule: BillingExplanation): Prisma.InputJsonObject {
  return rule as unknown as Prisma.InputJsonObject;
}

/** Locks the session row until the transaction ends and returns it, or null for an unknown code. */
export async function lockSessionByCode(tx: Tx, code: string): Promise<Session | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Session" WHERE "code" = ${code} FOR NO KEY UPDATE`;
  if (locked.length === 0) return null;

  return tx.session.findUnique({ where: { id: locked[0].id } });
}

/**
 * Closes a running session at `endedAt` in the caller's transaction and charges it. The caller
 * holds the session's row lock. An assigned, billable session is billed with its customer's
 * reconnection group by rebillSessionGroups. Any other session stores the minutes its rules
 * would bill on its own, for display, and draws nothing.
 */
export async function closeAndBill(
  tx: Tx,
  options: { session: Session; endedAt: Date; actorId: string | null },
): Promise<Session> {
  const { session, endedAt } = options;
  const seconds = sessionSeconds(session.startedAt, endedAt, session.code);
  assertSessionDuration({ seconds, code: session.code, field: "endedAt" });
  const customerId = session.billable ? session.customerId : null;

  let billing: { billedMinutes: number | null; billingRule: Prisma.InputJsonObject | undefined };
  if (customerId === null) {
    const rules = await getCustomerBillingRules(tx, session.customerId);
    const result = billSession(seconds, session.connectionType, rules);
    billing = {
      billedMinutes: session.billable ? result.billedMinutes : 0,
      billingRule: billingRuleJson(result.rule),
    };
  } else {
    // rebillSessionGroups stores them once the group is known.
    billing = { billedMinutes: null, billingRule: undefined };
  }

  let closed = await tx.session.update({
    where: { id: session.id },
    data: { status: "CLOSED", endedAt, seconds, ...billing },
  });
  if (customerId !== null) {
    const billed = await rebillSessionGroups(tx, {
      customerId,
      anchors: [{ code: session.code, startedAt: session.startedAt, endedAt }],
      charge: { code: session.code, idempotencyKey: sessionIdempotencyKey(session.code) },
      authorId: options.actorId,
    });
    const own = billed.get(session.code);
    if (own) closed = { ...closed, billedMinutes: own.billedMinutes, billingRule: own.rule };
  }

  await recordAudit(tx, {
    actorId: options.actorId,
    action: "session.close",
    entityType: "Session",
    entityId: session.id,
    before: { status: session.status },
    after: {
      status: closed.status,
      endedAt: endedAt.toISOString(),
      seconds,
      billedMinutes: closed.billedMinutes,
    },
  });

  return closed;
}

/**
 * Returns reversals of the SESSION entries that `sessionId` drew from `customerId` and that are
 * not reversed yet, so a session that leaves the customer's bill gives back all it drew.
 */
export async function reversalsOfSession(
  tx: Tx,
  options: { customerId: string; sessionId: string; reason: string | null },
): Promise<NewLedgerEntry[]> {
  const entries = await tx.ledgerEntry.findMany({
    where: { customerId: options.customerId, sessionId: options.sessionId, kind: "SESSION" },
    select: { id: true, minutes: true, contractId: true, reversesId: true },
  });
  const reversed = new Set(entries.map((entry) => entry.reversesId));

  return entries
    .filter((entry) => entry.reversesId === null && !reversed.has(entry.id))
    .map((entry) => ({
      kind: "SESSION",
      minutes: -entry.minutes,
      contractId: entry.contractId,
      sessionId: options.sessionId,
      reversesId: entry.id,
      comment: options.reason,
    }));
}

/**
 * Runs `work` in a ledger transaction. When it fails on a unique constraint, which happens when
 * a concurrent request created or charged the same session first, `recover` decides the outcome
 * from the committed state instead.
 */
export async function runSessionTransaction<T>(
  db: Db,
  work: (tx: Tx) => Promise<T>,
  recover: () => Promise<T | null>,
): Promise<T> {
  try {
    return await runLedgerTransaction(db, work);
  } catch (error) {
    if (!(error instanceof AppError && error.messageKey === "ledger.duplicate")) throw error;

    const recovered = await recover();
    if (recovered === null) throw error;

    return recovered;
  }
}
