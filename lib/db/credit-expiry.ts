// Records expired credit: one ADJUSTMENT entry per expired top-up, keyed `expiry:<top-up id>`, so
// running this again, or from two processes at once, records each expiry once.
import { dueExpiries, type ExpiryLedgerEntry } from "@/lib/domain/credit-expiry";
import { expiryComment } from "@/lib/domain/credit-expiry-comment";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

import type { Db, Tx } from "./client";
import { appendLedgerEntries, runLedgerTransaction } from "./ledger";

const EXPIRY_KEY_PREFIX = "expiry:";

/** Returns the idempotency key of the entry that records the expiry of `topUpId`. */
export function expiryKey(topUpId: string): string {
  return `${EXPIRY_KEY_PREFIX}${topUpId}`;
}

/** Returns the top-up id an expiry entry's idempotency key names, or null for other entries. */
export function expiredTopUpIdOf(idempotencyKey: string | null): string | null {
  return idempotencyKey?.startsWith(EXPIRY_KEY_PREFIX)
    ? idempotencyKey.slice(EXPIRY_KEY_PREFIX.length)
    : null;
}

/**
 * Records every expiry due at `now` (of one customer, or of all) and returns how many entries it
 * appended. Each customer is handled in its own transaction, so a failure leaves the others done
 * and is logged.
 */
export async function applyDueExpiries(
  db: Db,
  options: { now?: Date; customerId?: string } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const customerIds = await customersWithPendingExpiries(db, now, options.customerId);
  let appended = 0;

  for (const customerId of customerIds) {
    try {
      appended += await runLedgerTransaction(db, (tx) => expireCustomerCredit(tx, customerId, now));
    } catch (error) {
      // Another process recorded the same expiry first: the unique key kept it single.
      if (isAppError(error) && error.messageKey === "ledger.duplicate") continue;

      logger.error({ err: error, customerId }, "recording expired credit failed");
    }
  }

  return appended;
}

/**
 * Returns the customers with a top-up expired by `now` and no expiry entry for it. A customer is
 * left out when its ledger is unchanged since its last check and no top-up of it expired since,
 * because the computation would again find nothing to expire.
 */
async function customersWithPendingExpiries(db: Db, now: Date, customerId?: string) {
  const rows = await db.$queryRaw<{ customerId: string }[]>`
    WITH expired AS (
      SELECT t."customerId", MAX(t."expiresAt") AS "lastExpiry" FROM "LedgerEntry" t
      WHERE t."kind" = 'TOP_UP' AND t."minutes" > 0 AND t."reversesId" IS NULL
        AND t."expiresAt" <= ${now}
        AND (${customerId ?? null}::text IS NULL OR t."customerId" = ${customerId ?? null}::text)
        AND NOT EXISTS (
          SELECT 1 FROM "LedgerEntry" e WHERE e."idempotencyKey" = ${EXPIRY_KEY_PREFIX} || t."id"
        )
      GROUP BY t."customerId"
    )
    SELECT x."customerId" FROM expired x
    LEFT JOIN "CustomerExpiryCheck" c ON c."customerId" = x."customerId"
    WHERE c."customerId" IS NULL OR x."lastExpiry" > c."checkedAt"
      OR (SELECT MAX(n."sequence") FROM "LedgerEntry" n WHERE n."customerId" = x."customerId")
        > c."checkedSequence"`;

  return rows.map((row) => row.customerId);
}

async function expireCustomerCredit(tx: Tx, customerId: string, now: Date): Promise<number> {
  // The row lock makes concurrent ledger writes of this customer wait until the expiries are in.
  await tx.$queryRaw`SELECT 1 FROM "Customer" WHERE "id" = ${customerId} FOR UPDATE`;
  const rows = await tx.ledgerEntry.findMany({
    where: { customerId },
    select: {
      id: true,
      kind: true,
      minutes: true,
      occurredAt: true,
      sequence: true,
      expiresAt: true,
      reversesId: true,
      idempotencyKey: true,
    },
  });
  const entries: ExpiryLedgerEntry[] = rows.map(({ idempotencyKey, ...row }) => ({
    ...row,
    expiredTopUpId: expiredTopUpIdOf(idempotencyKey),
  }));
  const due = dueExpiries(entries, now);

  const created = await appendLedgerEntries(tx, {
    customerId,
    authorId: null,
    entries: due.map((expiry) => ({
      kind: "ADJUSTMENT",
      minutes: -expiry.minutes,
      occurredAt: expiry.expiresAt,
      comment: expiryComment(expiry),
      idempotencyKey: expiryKey(expiry.topUpId),
    })),
  });
  if (created.length > 0) {
    logger.info({ customerId, entryIds: created.map((entry) => entry.id) }, "credit expired");
  }
  // The customer's row lock is held, so no other entry can be added between the read and the check.
  await tx.$executeRaw`
    INSERT INTO "CustomerExpiryCheck" ("customerId", "checkedAt", "checkedSequence")
    SELECT ${customerId}, ${now}, MAX("sequence") FROM "LedgerEntry" WHERE "customerId" = ${customerId}
    ON CONFLICT ("customerId") DO UPDATE SET
      "checkedAt" = EXCLUDED."checkedAt",
      "checkedSequence" = EXCLUDED."checkedSequence"`;

  return created.length;
}
