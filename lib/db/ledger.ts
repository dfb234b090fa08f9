// The one place that changes minutes. Every entry is appended inside a transaction that also moves
// the customer's cached balance by the same amount, so the balance always equals the ledger's sum.
import {
  assertValidChange,
  type LedgerKind,
  runningBalances,
  totalChange,
} from "@/lib/domain/ledger";
import { AppError } from "@/lib/errors";

import { recordAudit } from "./audit";
import type { Db, Tx } from "./client";
import { Prisma } from "./generated/client";
import type { LedgerEntry } from "./generated/client";

export interface NewLedgerEntry {
  kind: LedgerKind;
  minutes: number;
  occurredAt?: Date;
  contractId?: string | null;
  sessionId?: string | null;
  comment?: string | null;
  invoiceReference?: string | null;
  expiresAt?: Date | null;
  reversesId?: string | null;
  idempotencyKey?: string | null;
}

export interface AppendOptions {
  customerId: string;
  authorId: string | null;
  entries: NewLedgerEntry[];
  // Demo data and bulk imports write many entries at once and record one audit event themselves.
  skipAudit?: boolean;
}

/**
 * Appends `entries` for one customer in the caller's transaction and returns them with their
 * running balance. The UPDATE takes the customer's row lock first, so concurrent writers to the
 * same customer queue up and none of their changes is lost.
 */
export async function appendLedgerEntries(tx: Tx, options: AppendOptions): Promise<LedgerEntry[]> {
  const { customerId, authorId, entries } = options;
  if (entries.length === 0) return [];

  for (const entry of entries) {
    assertValidChange({
      kind: entry.kind,
      minutes: entry.minutes,
      reversal: Boolean(entry.reversesId),
    });
  }
  await assertContractsBelongTo(tx, customerId, entries);

  const change = totalChange(entries.map((entry) => entry.minutes));
  const updated = await tx.$queryRaw<{ balanceMinutes: number }[]>`
    UPDATE "Customer" SET "balanceMinutes" = "balanceMinutes" + ${change}, "updatedAt" = now()
    WHERE "id" = ${customerId}
    RETURNING "balanceMinutes"`;
  if (updated.length === 0) {
    throw new AppError("NOT_FOUND", "customer.notFound");
  }

  const opening = updated[0].balanceMinutes - change;
  const balances = runningBalances(
    opening,
    entries.map((entry) => entry.minutes),
  );
  const now = new Date();
  const created = await tx.ledgerEntry.createManyAndReturn({
    data: entries.map((entry, index) => ({
      customerId,
      authorId,
      kind: entry.kind,
      minutes: entry.minutes,
      balanceAfter: balances[index],
      occurredAt: entry.occurredAt ?? now,
      contractId: entry.contractId ?? null,
      sessionId: entry.sessionId ?? null,
      comment: entry.comment ?? null,
      invoiceReference: entry.invoiceReference ?? null,
      expiresAt: entry.expiresAt ?? null,
      reversesId: entry.reversesId ?? null,
      idempotencyKey: entry.idempotencyKey ?? null,
    })),
  });
  created.sort((a, b) => a.sequence - b.sequence);

  if (!options.skipAudit) {
    await recordAudit(tx, {
      actorId: authorId,
      action: "ledger.append",
      entityType: "Customer",
      entityId: customerId,
      before: { balanceMinutes: opening },
      after: {
        balanceMinutes: balances[balances.length - 1],
        entries: created.map((entry) => ({
          id: entry.id,
          kind: entry.kind,
          minutes: entry.minutes,
        })),
      },
    });
  }

  return created;
}

async function assertContractsBelongTo(tx: Tx, customerId: string, entries: NewLedgerEntry[]) {
  const contractIds = [
    ...new Set(entries.flatMap((entry) => (entry.contractId ? [entry.contractId] : []))),
  ];
  if (contractIds.length === 0) return;

  const found = await tx.contract.count({ where: { id: { in: contractIds }, customerId } });
  if (found !== contractIds.length) {
    throw new AppError("VALIDATION", "ledger.contractNotOfCustomer", {
      fields: [{ field: "contractId", message: "ledger.contractNotOfCustomer" }],
    });
  }
}

/** Appends one entry in its own transaction and returns it. */
export async function recordLedgerEntry(
  db: Db,
  options: { customerId: string; authorId: string | null; entry: NewLedgerEntry },
): Promise<LedgerEntry> {
  const [created] = await runLedgerTransaction(db, (tx) =>
    appendLedgerEntries(tx, {
      customerId: options.customerId,
      authorId: options.authorId,
      entries: [options.entry],
    }),
  );

  return created;
}

/**
 * Appends an entry that cancels `entryId`, linked to it. An entry is reversed at most once (a
 * unique index enforces it under concurrency), and a reversal itself cannot be reversed.
 */
export async function reverseLedgerEntry(
  db: Db,
  options: { entryId: string; authorId: string | null; reason: string },
): Promise<LedgerEntry> {
  const reason = options.reason.trim();
  if (!reason) {
    throw new AppError("VALIDATION", "ledger.reasonRequired", {
      fields: [{ field: "reason", message: "ledger.reasonRequired" }],
    });
  }

  const [reversal] = await runLedgerTransaction(db, async (tx) => {
    const entry = await tx.ledgerEntry.findUnique({
      where: { id: options.entryId },
      include: { reversedBy: { select: { id: true } } },
    });
    if (!entry) throw new AppError("NOT_FOUND", "ledger.entryNotFound");
    if (entry.reversesId) throw new AppError("CONFLICT", "ledger.cannotReverseReversal");
    if (entry.reversedBy) throw new AppError("CONFLICT", "ledger.alreadyReversed");

    return appendLedgerEntries(tx, {
      customerId: entry.customerId,
      authorId: options.authorId,
      entries: [
        {
          kind: entry.kind,
          minutes: -entry.minutes,
          contractId: entry.contractId,
          sessionId: entry.sessionId,
          reversesId: entry.id,
          comment: reason,
        },
      ],
    });
  });

  return reversal;
}

/**
 * Runs `work` in a transaction and turns the database errors a ledger write can meet into
 * AppErrors: a duplicate idempotency key or reversal, and a balance beyond the integer range.
 */
export async function runLedgerTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(work, { timeout: 60_000, maxWait: 30_000 });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "ledger.duplicate", { cause: error });
    }
    if (String((error as { message?: unknown })?.message).includes("integer out of range")) {
      throw new AppError("VALIDATION", "ledger.balanceOutOfRange", { cause: error });
    }
    throw error;
  }
}
