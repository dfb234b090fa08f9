// The monthly close of postpaid customers: what each one consumed in a month, what its billings
// in force already bill, and the POSTPAID_BILLING entries that bill the difference, all in one
// transaction.
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

export interface PostpaidBilling {
  id: string;
  minutes: number;
  invoiceReference: string | null;
  occurredAt: Date;
}

export interface PostpaidPeriodRow {
  customerId: string;
  code: string;
  name: string;
  active: boolean;
  // Minutes of the month's sessions, reversals included, as a positive number.
  consumedMinutes: number;
  // The month's billings in force (not reversed), oldest first.
  billings: PostpaidBilling[];
  billedMinutes: number;
  // Consumed minus billed minutes. Negative when a session was reversed after the billing.
  toBillMinutes: number;
  // Idempotency key of the next billing: the month's key, with a counter after the first billing.
  nextKey: string;
}

/**
 * Lists every postpaid customer (inactive ones only when the month has sessions or billings) with
 * the minutes consumed in `month`, its billings in force and the minutes left to bill, by name.
 */
export async function listPostpaidPeriod(db: Db | Tx, month: BillingMonth) {
  const customers = await db.customer.findMany({
    where: { billingMode: "POSTPAID" },
    orderBy: [{ name: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true, active: true },
  });
  const consumed = await consumedByCustomer(db, month);
  const billingsOf = await billingsByCustomer(db, month);

  const rows: PostpaidPeriodRow[] = customers.map((customer) => {
    const consumedMinutes = consumed.get(customer.id) ?? 0;
    const billings = billingsOf.get(customer.id)?.inForce ?? [];
    const billedMinutes = billings.reduce((sum, billing) => sum + billing.minutes, 0);

    return {
      customerId: customer.id,
      code: customer.code,
      name: customer.name,
      active: customer.active,
      consumedMinutes,
      billings,
      billedMinutes,
      toBillMinutes: consumedMinutes - billedMinutes,
      nextKey: nextBillingKey(customer.id, month, billingsOf.get(customer.id)?.count ?? 0),
    };
  });

  return rows.filter((row) => row.active || row.consumedMinutes !== 0 || row.billings.length > 0);
}

/**
 * Returns, per customer, the month's billings still in force (not reversed) and how many billings
 * the month has had, reversed ones included, so the next key never repeats an earlier one.
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
  const result = new Map<string, { inForce: PostpaidBilling[]; count: number }>();

  for (const entry of entries) {
    const base = postpaidBillingKey(entry.customerId, month.key);
    if (entry.idempotencyKey !== base && !entry.idempotencyKey?.startsWith(`${base}:`)) continue;

    const { id, minutes, invoiceReference, occurredAt } = entry;
    const customer = result.get(entry.customerId) ?? { inForce: [], count: 0 };
    customer.count += 1;
    if (!entry.reversedBy) customer.inForce.push({ id, minutes, invoiceReference, occurredAt });
    result.set(entry.customerId, customer);
  }

  return result;
}

function nextBillingKey(customerId: string, month: BillingMonth, count: number): string {
  const base = postpaidBillingKey(customerId, month.key);

  return count === 0 ? base : `${base}:${count + 1}`;
}

/**
 * Returns the minutes each customer's sessions consumed in `month`. A session counts in the month
 * it started, as on the dashboard, even when it ends in the next month. A reversal counts in the
 * month of the entry it cancels, not in the month it was recorded. Otherwise a session corrected
 * after its month was billed would add its new charge to that month and keep the old one.
 */
async function consumedByCustomer(db: Db | Tx, month: BillingMonth) {
  const sums = await db.$queryRaw<{ customerId: string; minutes: bigint }[]>`
    SELECT charge."customerId",
      -SUM(charge."minutes" + COALESCE(reversal."minutes", 0)) AS "minutes"
    FROM "LedgerEntry" charge
    LEFT JOIN "LedgerEntry" reversal ON reversal."reversesId" = charge."id"
    LEFT JOIN "Session" s ON s."id" = charge."sessionId"
    WHERE charge."kind" = 'SESSION'
      AND charge."reversesId" IS NULL
      AND COALESCE(s."startedAt", charge."occurredAt") >= ${month.start}
      AND COALESCE(s."startedAt", charge."occurredAt") < ${month.end}
    GROUP BY charge."customerId"`;

  return new Map(sums.map((sum) => [sum.customerId, Number(sum.minutes)]));
}

export interface PostpaidInvoice {
  customerId: string;
  invoiceReference: string;
  // The minutes to bill that the admin saw. When given, the close is rejected if they changed, so
  // an invoice issued for them never records a different amount.
  minutes?: number;
}

/**
 * Bills each listed customer, with its invoice reference, for the minutes of `month` that its
 * billings in force do not cover yet, in one transaction, and returns the entries. A month billed
 * before gets a supplement for the difference only. Nothing is written when any customer is not
 * postpaid, has no minutes left to bill, or has minutes other than the invoice states. So a month
 * billed for more than it consumed never gets a negative billing. The unique idempotency key also
 * keeps the same minutes from being billed twice if two closes pass these checks at once.
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
    // then reads the first one's billings and is rejected with nothing left to bill.
    await tx.$queryRaw`
      SELECT 1 FROM "Customer" WHERE "id" = ANY(${[...ids].sort()}::text[])
      ORDER BY "id" FOR UPDATE`;
    const rows = new Map((await listPostpaidPeriod(tx, month)).map((row) => [row.customerId, row]));
    const created = [];

    for (const [index, invoice] of invoices.entries()) {
      const row = assertBillable(rows.get(invoice.customerId), index);
      assertUnchanged(row, invoice, index);
      const comment =
        row.billings.length > 0
          ? `Integrazione consuntivo ${monthName.format(month.start)}`
          : `Consuntivo ${monthName.format(month.start)}`;

      const [entry] = await appendLedgerEntries(tx, {
        customerId: invoice.customerId,
        authorId: actorId,
        entries: [
          {
            kind: "POSTPAID_BILLING",
            minutes: row.toBillMinutes,
            invoiceReference: invoice.invoiceReference,
            idempotencyKey: row.nextKey,
            comment,
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

// A late session, a correction or another tab can change the minutes between the page and the
// submit. The invoice reference was issued for the minutes shown, so a different amount is rejected.
function assertUnchanged(row: PostpaidPeriodRow, invoice: PostpaidInvoice, index: number) {
  if (invoice.minutes === undefined || invoice.minutes === row.toBillMinutes) return;

  const values = { name: row.name, shown: invoice.minutes, current: row.toBillMinutes };
  throw new AppError("CONFLICT", "postpaid.minutesChanged", {
    values,
    fields: [{ field: `invoices.${index}.minutes`, message: "postpaid.minutesChanged", values }],
  });
}

/** Returns the row of a customer that has minutes left to bill, or throws why it has none. */
function assertBillable(row: PostpaidPeriodRow | undefined, index: number): PostpaidPeriodRow {
  const field = `invoices.${index}.customerId`;
  if (!row) {
    throw new AppError("VALIDATION", "postpaid.notPostpaid", {
      fields: [{ field, message: "postpaid.notPostpaid" }],
    });
  }
  if (row.toBillMinutes > 0) return row;

  // A month billed before and billed more than consumed (a session reversed after the billing)
  // lands here too. The admin reverses the billing or records an adjustment by hand.
  if (row.billings.length > 0) {
    throw new AppError("CONFLICT", "postpaid.nothingLeftToBill", {
      values: { name: row.name },
      fields: [{ field, message: "postpaid.nothingLeftToBill", values: { name: row.name } }],
    });
  }

  throw new AppError("VALIDATION", "postpaid.nothingToBill", {
    values: { name: row.name },
    fields: [{ field, message: "postpaid.nothingToBill", values: { name: row.name } }],
  });
}
