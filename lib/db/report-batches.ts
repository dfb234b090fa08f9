// Keyset-paginated reads for streamed exports: each call returns the next batch after the last
// row seen, so an export of a million rows never keeps more than one batch in memory. The orders
// are those of lib/db/reports.ts, made unique by the session code and the ledger sequence.
import type { Db } from "./client";
import type { Prisma } from "./generated/client";

export interface BatchRange {
  customerId: string;
  start: Date;
  end: Date;
}

const sessionSelect = {
  customerId: true,
  code: true,
  startedAt: true,
  seconds: true,
  billedMinutes: true,
  notes: true,
  operatorName: true,
  operator: { select: { name: true } },
} as const;

const entrySelect = {
  sequence: true,
  customerId: true,
  kind: true,
  minutes: true,
  occurredAt: true,
  comment: true,
  contract: { select: { number: true } },
  author: { select: { name: true } },
  session: { select: { code: true } },
} as const;

export type BatchSession = Prisma.SessionGetPayload<{ select: typeof sessionSelect }>;
export type BatchEntry = Prisma.LedgerEntryGetPayload<{ select: typeof entrySelect }>;

function sessionWhere(range: BatchRange) {
  return {
    customerId: range.customerId,
    status: "CLOSED" as const,
    startedAt: { gte: range.start, lt: range.end },
  };
}

function entryWhere(range: BatchRange, creditsOnly: boolean) {
  return {
    customerId: range.customerId,
    occurredAt: { gte: range.start, lt: range.end },
    ...(creditsOnly ? { kind: { not: "SESSION" as const } } : {}),
  };
}

/** Yields a customer's closed sessions in [start, end) in batches, by start time and code. */
export async function* sessionBatches(
  db: Db,
  range: BatchRange,
  batchSize: number,
): AsyncGenerator<BatchSession[]> {
  let after: { startedAt: Date; code: string } | null = null;

  for (;;) {
    const keyset: Prisma.SessionWhereInput = after
      ? {
          OR: [
            { startedAt: { gt: after.startedAt } },
            { startedAt: after.startedAt, code: { gt: after.code } },
          ],
        }
      : {};
    const batch = await db.session.findMany({
      where: { ...sessionWhere(range), ...keyset },
      orderBy: [{ startedAt: "asc" }, { code: "asc" }],
      take: batchSize,
      select: sessionSelect,
    });
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;

    const last = batch[batch.length - 1];
    after = { startedAt: last.startedAt, code: last.code };
  }
}

/** Yields a customer's ledger entries in [start, end) in batches, in the order they occurred. */
export async function* entryBatches(
  db: Db,
  range: BatchRange,
  options: { creditsOnly: boolean; batchSize: number },
): AsyncGenerator<BatchEntry[]> {
  let after: { occurredAt: Date; sequence: number } | null = null;

  for (;;) {
    const keyset: Prisma.LedgerEntryWhereInput = after
      ? {
          OR: [
            { occurredAt: { gt: after.occurredAt } },
            { occurredAt: after.occurredAt, sequence: { gt: after.sequence } },
          ],
        }
      : {};
    const batch = await db.ledgerEntry.findMany({
      where: { ...entryWhere(range, options.creditsOnly), ...keyset },
      orderBy: [{ occurredAt: "asc" }, { sequence: "asc" }],
      take: options.batchSize,
      select: entrySelect,
    });
    if (batch.length > 0) yield batch;
    if (batch.length < options.batchSize) return;

    const last = batch[batch.length - 1];
    after = { occurredAt: last.occurredAt, sequence: last.sequence };
  }
}

/** Counts the rows a streamed export will write, for its progress. */
export async function countExportRows(
  db: Db,
  options: {
    kind: "SESSIONS" | "TOP_UPS" | "STATEMENT";
    start: Date;
    end: Date;
    customerId: string | null;
  },
): Promise<number> {
  const customer = options.customerId ? { customerId: options.customerId } : {};
  if (options.kind === "SESSIONS") {
    return db.session.count({
      where: {
        status: "CLOSED",
        startedAt: { gte: options.start, lt: options.end },
        customerId: options.customerId ?? { not: null },
      },
    });
  }

  return db.ledgerEntry.count({
    where: {
      ...customer,
      occurredAt: { gte: options.start, lt: options.end },
      ...(options.kind === "TOP_UPS" ? { kind: { not: "SESSION" as const } } : {}),
    },
  });
}
