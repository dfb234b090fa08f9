// The monthly close of postpaid customers: what each one consumed in a month and has not been
// billed for yet, and the POSTPAID_BILLING entries that bill it, all in one transaction.
import { type BillingMonth, postpaidBillingKey } from "@/lib/domain/billing-month";
import { AppError } from "@/lib/errors";
import { BUSINESS_TIME_ZONE } from "@/lib/i18n/config";

import { recordAudit } from "./audit";
import type { Db, Tx } from "./client";
import { appendLedgerEntries, runLedgerTransaction } from "./ledger";

// Generated comments are stored in Italian, the business language of the ledger.
const monthName = new Intl.DateTimeFormat("it-IT", {
  month: "long",
  year: "numeric",
  timeZone: BUSINESS_TIME_ZONE,
});

export interface PostpaidPeriodRow {
  customerId: string;
  code: string;
  name: string;
  active: boolean;
  // Minutes of the month's sessions, reversals included, as a positive number.
  consumedMinutes: number;
  billing: {
    id: string;
    minutes: number;
    invoiceReference: string | null;
    occurredAt: Date;
  } | null;
  // Idempotency key of the next billing: the month's key, with a counter after reversed ones.
  nextKey: string;
}

/**
 * Lists every postpaid customer (inactive ones only when they consumed minutes in the month) with
 * the minutes consumed in `month` and the billing already recorded for it, by name.
 */
export async function listPostpaidPeriod(db: Db | Tx, month: BillingMonth) {
  const customers = await db.customer.findMany({
    where: { billingMode: "POSTPAID" },
    orderBy: [{ name: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true, active: true },
  });
  const consumed = await consumedByCustomer(db, month);
  const billingsOf = await billingsByCustomer(db, month);

  const rows: PostpaidPeriodRow[] = customers.map((customer) => ({
    customerId: customer.id,
    code: customer.code,
    name: customer.name,
    active: customer.active,
    consumedMinutes: consumed.get(customer.id) ?? 0,
    billing: billingsOf.get(customer.id)?.current ?? null,
    nextKey: nextBillingKey(customer.id, month, billingsOf.get(customer.id)?.count ?? 0),
  }));

  return rows.filter((row) => row.active || row.consumedMinutes !== 0 || row.billing);
}

/**
 * Returns, per customer, the month's billing still in force (not reversed) and how many billings
 * the month has had. A reversed billing leaves the month open, so it can be billed again.
 */
async function billingsByCustomer(db: Db | Tx, month: BillingMonth) {
  const entries = await db.ledgerEntry.findMany({
    where: {
      kind: "POSTPAID_BILLING",
      reversesId: null,
      idempotencyKey: { startsWith: "postpaid:", contains: `:${month.key}` },
    },
    select: {
      id: true,
      customerId: true,
      minutes: true,
      invoiceReference: true,
      occurredAt: true,
      idempotencyKey: true,
      reversedBy: { select: { id: true } },
    },
    orderBy: { sequence: "asc" },
  });
  const result = new Map<string, { current: PostpaidPeriodRow["billing"]; count: number }>();

  for (const entry of entries) {
    const base = postpaidBillingKey(entry.customerId, month.key);
    if (entry.idempotencyKey !== base && !entry.idempotencyKey?.startsWith(`${base}:`)) continue;

    const { id, minutes, invoiceReference, occurredAt } = entry;
    const previous = result.get(entry.customerId);
    result.set(entry.customerId, {
      current: entry.reversedBy
        ? (previous?.current ?? null)
        : { id, minutes, invoiceReference, occurredAt },
      count: (previous?.count ?? 0) + 1,
    });
  }

  return result;
}

function nextBillingKey(customerId: string, month: BillingMonth, count: number): string {
  const base = postpaidBillingKey(customerId, month.key);

  return count === 0 ? base : `${base}:${count + 1}`;
}

async function consumedByCustomer(db: Db | Tx, month: BillingMonth) {
  const sums = await db.ledgerEntry.groupBy({
    by: ["customerId"],
    where: {
      kind: "SESSION",
      occurredAt: { gte: month.start, lt: month.end },
    },
    _sum: { minutes: true },
  });

  return new Map(sums.map((sum) => [sum.customerId, -(sum._sum.minutes ?? 0)]));
}

export interface PostpaidInvoice {
  customerId: string;
  invoiceReference: string;
}

/**
 * Bills each listed customer for what it consumed in `month`, with its invoice reference, in one
 * transaction, and returns the entries. Nothing is written when any customer is not postpaid, has
 * nothing to bill, or was already billed for the month. The unique idempotency key also keeps a
 * month from being billed twice if two closes slip past these checks.
 */
export async function closePostpaidPeriod(
  db: Db,
  options: { month: BillingMonth; actorId: string; invoices: PostpaidInvoice[]; now?: Date },
) {
  const { month, actorId, invoices } = options;
  if ((options.now ?? new Date()) < month.end) {
    throw new AppError("VALIDATION", "postpaid.monthNotEnded", {
      fields: [{ field: "month", message: "postpaid.monthNotEnded" }],
    });
  }

  return runLedgerTransaction(db, async (tx) => {
    const ids = invoices.map((invoice) => invoice.customerId);
    // The rows are locked in id order, so two concurrent closes cannot deadlock. The second one
    // then sees the first one's billings and is rejected as already billed.
    await tx.$queryRaw`
      SELECT 1 FROM "Customer" WHERE "id" = ANY(${[...ids].sort()}::text[])
      ORDER BY "id" FOR UPDATE`;
    const rows = new Map((await listPostpaidPeriod(tx, month)).map((row) => [row.customerId, row]));
    const created = [];

    for (const [index, invoice] of invoices.entries()) {
      const row = rows.get(invoice.customerId);
      assertBillable(row, index);

      const [entry] = await appendLedgerEntries(tx, {
        customerId: invoice.customerId,
        authorId: actorId,
        entries: [
          {
            kind: "POSTPAID_BILLING",
            minutes: row!.consumedMinutes,
            invoiceReference: invoice.invoiceReference,
            idempotencyKey: row!.nextKey,
            comment: `Consuntivo ${monthName.format(month.start)}`,
          },
        ],
      });
      created.push(entry);
    }
    await recordAudit(tx, {
      actorId,
      action: "postpaid.close",
      entityType: "BillingMonth",
      entityId: month.key,
      after: created.map((entry) => ({
        customerId: entry.customerId,
        entryId: entry.id,
        minutes: entry.minutes,
        invoiceReference: entry.invoiceReference,
      })),
    });

    return created;
  });
}

// NOTE: sessions recorded for a month after its billing (a late import) are not billed by the
// close, because the month counts as billed. The page shows the billed next to the consumed
// minutes, and an admin bills the difference as a postpaid billing on the customer page.
function assertBillable(row: PostpaidPeriodRow | undefined, index: number) {
  const field = `invoices.${index}.customerId`;
  if (!row) {
    throw new AppError("VALIDATION", "postpaid.notPostpaid", {
      fields: [{ field, message: "postpaid.notPostpaid" }],
    });
  }
  if (row.billing) {
    throw new AppError("CONFLICT", "postpaid.alreadyBilled", {
      values: { name: row.name },
      fields: [{ field, message: "postpaid.alreadyBilled", values: { name: row.name } }],
    });
  }
  if (row.consumedMinutes <= 0) {
    throw new AppError("VALIDATION", "postpaid.nothingToBill", {
      values: { name: row.name },
      fields: [{ field, message: "postpaid.nothingToBill", values: { name: row.name } }],
    });
  }
}
