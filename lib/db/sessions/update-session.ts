import { contractInEffect } from "@/lib/domain/session-association";
import { AppError } from "@/lib/errors";

import { recordAudit } from "../audit";
import type { Db, Tx } from "../client";
import { Prisma, type Session } from "../generated/client";
import { appendLedgerEntries, runLedgerTransaction } from "../ledger";
import { rebillSessionGroups } from "./bill-session-group";
import { getCustomerBillingRules } from "./billing-settings";
import { reversalsOfSession } from "./session-billing";

export interface UpdateSessionOptions {
  id: string;
  // Moves the session to another customer.
  customerId?: string;
  // False keeps the session on record but bills it 0 minutes.
  billable?: boolean;
  notes?: string | null;
  // Stored as the comment of the reversal entries.
  reason?: string | null;
  actorId: string | null;
}

/**
 * Reassigns a session or changes whether it is billable, and audits the change. Ledger entries
 * are never edited. When a charged session leaves its customer's bill, each entry it drew gets a
 * reversal and the rest of its reconnection group is rebilled. When it joins a bill, it draws its
 * minutes as a new entry. Both customers' balances stay equal to their ledgers.
 *
 * Throws NOT_FOUND for an unknown session (`session.notFound`) or customer (`customer.notFound`).
 */
export async function updateSession(db: Db, options: UpdateSessionOptions): Promise<Session> {
  return runLedgerTransaction(db, async (tx) => {
    const before = await lockSession(tx, options.id);
    const customerId = options.customerId ?? before.customerId;
    const billable = options.billable ?? before.billable;
    const contractId =
      customerId === before.customerId
        ? before.contractId
        : await contractOf(tx, customerId, before.startedAt);

    await lockCustomers(tx, [before.customerId, customerId]);
    const wasCharged = isCharged(before.status, before.customerId, before.billable);
    const isChargedNow = isCharged(before.status, customerId, billable);
    const moved = customerId !== before.customerId;

    const after = await tx.session.update({
      where: { id: before.id },
      data: {
        customerId,
        contractId,
        billable,
        notes: options.notes === undefined ? before.notes : options.notes,
        billedMinutes: isChargedNow || before.status !== "CLOSED" ? before.billedMinutes : 0,
      },
    });

    if (wasCharged && before.customerId && (moved || !isChargedNow)) {
      await detachFromBill(tx, before, options);
    }
    if (isChargedNow && customerId && before.endedAt && (moved || !wasCharged)) {
      await rebillSessionGroups(tx, {
        customerId,
        anchors: [{ code: before.code, startedAt: before.startedAt, endedAt: before.endedAt }],
        charge: { code: before.code, idempotencyKey: null },
        authorId: options.actorId,
      });
    }

    await recordAudit(tx, {
      actorId: options.actorId,
      action: "session.update",
      entityType: "Session",
      entityId: before.id,
      before: { customerId: before.customerId, billable: before.billable, notes: before.notes },
      after: { customerId: after.customerId, billable: after.billable, notes: after.notes },
    });

    return tx.session.findUniqueOrThrow({ where: { id: before.id } });
  });
}

function isCharged(status: string, customerId: string | null, billable: boolean): boolean {
  return status === "CLOSED" && customerId !== null && billable;
}

async function lockSession(tx: Tx, id: string): Promise<Session> {
  await tx.$queryRaw`SELECT "id" FROM "Session" WHERE "id" = ${id} FOR NO KEY UPDATE`;
  const session = await tx.session.findUnique({ where: { id } });
  if (!session) throw new AppError("NOT_FOUND", "session.notFound", { values: { id } });

  return session;
}

async function contractOf(tx: Tx, customerId: string | null, at: Date): Promise<string | null> {
  if (customerId === null) return null;

  const contracts = await tx.contract.findMany({
    where: { customerId },
    select: { id: true, startsOn: true, endsOn: true },
  });
  const exists = contracts.length > 0 || (await tx.customer.count({ where: { id: customerId } }));
  if (!exists) throw new AppError("NOT_FOUND", "customer.notFound");

  return contractInEffect(contracts, at);
}

// Locks both customers in id order, so two opposite reassignments never wait on each other's
// customer rows in a cycle. NOTE: updateSession locks its session row before the customers, and
// rebilling then writes other sessions of those customers. So two updates of sessions in one
// reconnection group can still deadlock, and PostgreSQL then aborts one of them.
async function lockCustomers(tx: Tx, ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))].sort();
  if (unique.length === 0) return;

  await tx.$queryRaw`
    SELECT "id" FROM "Customer" WHERE "id" IN (${Prisma.join(unique)}) ORDER BY "id" FOR NO KEY UPDATE`;
}

// Gives back what the session drew from its former customer, then rebills the sessions of that
// customer around it, whose reconnection group it may have been part of.
async function detachFromBill(tx: Tx, before: Session, options: UpdateSessionOptions) {
  const customerId = before.customerId;
  if (customerId === null || before.endedAt === null) return;

  const reversals = await reversalsOfSession(tx, {
    customerId,
    sessionId: before.id,
    reason: options.reason?.trim() || null,
  });
  await appendLedgerEntries(tx, { customerId, authorId: options.actorId, entries: reversals });

  const rules = await getCustomerBillingRules(tx, customerId);
  const gapMs = rules.mergeGapMinutes * 60_000;
  const neighbours = await tx.session.findMany({
    where: {
      customerId,
      status: "CLOSED",
      billable: true,
      id: { not: before.id },
      endedAt: { gte: new Date(before.startedAt.getTime() - gapMs) },
      startedAt: { lte: new Date(before.endedAt.getTime() + gapMs) },
    },
    select: { code: true, startedAt: true, endedAt: true },
  });

  await rebillSessionGroups(tx, {
    customerId,
    anchors: neighbours.flatMap(({ code, startedAt, endedAt }) =>
      endedAt ? [{ code, startedAt, endedAt }] : [],
    ),
    charge: null,
    authorId: options.actorId,
  });
}
