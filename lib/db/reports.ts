// Database reads behind the reports. They return plain rows; lib/reports/build-sections.ts turns
// them into report sections without touching the database.
import { AppError } from "@/lib/errors";
import type { ReportCustomer } from "@/lib/reports/types";

import type { Db } from "./client";
import { Prisma } from "./generated/client";

export interface LedgerTotals {
  customerId: string;
  opening: number;
  credits: number;
  debits: number;
}

const customerSelect = {
  id: true,
  code: true,
  name: true,
  vatNumber: true,
  address: true,
  city: true,
} as const;

/** Returns the customer with ERP code `code`, or throws NOT_FOUND `reports.customerNotFound`. */
export async function getReportCustomerOrThrow(db: Db, code: string): Promise<ReportCustomer> {
  const customer = await db.customer.findUnique({ where: { code }, select: customerSelect });
  if (!customer) throw new AppError("NOT_FOUND", "reports.customerNotFound", { values: { code } });

  return customer;
}

/** Returns every customer, ordered by code, for reports over all customers. */
export async function listReportCustomers(db: Db): Promise<ReportCustomer[]> {
  return db.customer.findMany({ select: customerSelect, orderBy: { code: "asc" } });
}

/**
 * Sums each customer's ledger before `start` (the opening balance) and its positive and negative
 * changes in [start, end). Customers without entries before `end` are absent.
 */
export async function sumLedger(
  db: Db,
  options: { start: Date; end: Date; customerId: string | null },
): Promise<LedgerTotals[]> {
  const { start, end, customerId } = options;
  const customerFilter = customerId ? Prisma.sql`AND "customerId" = ${customerId}` : Prisma.empty;
  const rows = await db.$queryRaw<
    { customerId: string; opening: bigint; credits: bigint; debits: bigint }[]
  >`
    SELECT "customerId",
      COALESCE(SUM(minutes) FILTER (WHERE "occurredAt" < ${start}), 0)::bigint AS opening,
      COALESCE(SUM(minutes) FILTER (WHERE "occurredAt" >= ${start} AND minutes > 0), 0)::bigint
        AS credits,
      COALESCE(SUM(-minutes) FILTER (WHERE "occurredAt" >= ${start} AND minutes < 0), 0)::bigint
        AS debits
    FROM "LedgerEntry"
    WHERE "occurredAt" < ${end} ${customerFilter}
    GROUP BY "customerId"`;

  return rows.map((row) => ({
    customerId: row.customerId,
    opening: Number(row.opening),
    credits: Number(row.credits),
    debits: Number(row.debits),
  }));
}

/** Lists ledger entries in [start, end), by customer and then in the order they occurred. */
export async function listPeriodEntries(
  db: Db,
  options: { start: Date; end: Date; customerId: string | null; creditsOnly: boolean },
) {
  return db.ledgerEntry.findMany({
    where: {
      occurredAt: { gte: options.start, lt: options.end },
      ...(options.customerId ? { customerId: options.customerId } : {}),
      ...(options.creditsOnly ? { kind: { not: "SESSION" } } : {}),
    },
    orderBy: [{ customerId: "asc" }, { occurredAt: "asc" }, { sequence: "asc" }],
    select: {
      customerId: true,
      kind: true,
      minutes: true,
      occurredAt: true,
      comment: true,
      contract: { select: { number: true } },
      author: { select: { name: true } },
      session: { select: { code: true } },
    },
  });
}

export type PeriodEntry = Awaited<ReturnType<typeof listPeriodEntries>>[number];

/**
 * Lists closed sessions of assigned customers that started in [start, end). Running sessions have
 * no billed minutes yet, and sessions without a customer are billed to no one.
 */
export async function listPeriodSessions(
  db: Db,
  options: { start: Date; end: Date; customerId: string | null },
) {
  return db.session.findMany({
    where: {
      startedAt: { gte: options.start, lt: options.end },
      status: "CLOSED",
      customerId: options.customerId ?? { not: null },
    },
    orderBy: [{ customerId: "asc" }, { startedAt: "asc" }, { code: "asc" }],
    select: {
      customerId: true,
      code: true,
      startedAt: true,
      seconds: true,
      billedMinutes: true,
      notes: true,
      operatorName: true,
      operator: { select: { name: true } },
    },
  });
}

export type PeriodSession = Awaited<ReturnType<typeof listPeriodSessions>>[number];
