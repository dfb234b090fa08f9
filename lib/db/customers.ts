import { AppError } from "@/lib/errors";

import type { Db } from "./client";
import { expiredTopUpIdOf } from "./credit-expiry";
import type { Prisma } from "./generated/client";
import { toSearchPattern } from "./search-text";

export const CUSTOMERS_PAGE_SIZE = 25;
export const LEDGER_PAGE_SIZE = 20;

function searchFilter(query: string): Prisma.CustomerWhereInput {
  const text = toSearchPattern(query);
  if (!text) return {};

  return {
    OR: [
      { code: { startsWith: text, mode: "insensitive" } },
      { name: { contains: text, mode: "insensitive" } },
    ],
  };
}

/**
 * Returns one page of customers whose code starts with, or whose name contains, `query`. A page
 * past the end returns the last page, and `page` in the result is the page returned.
 */
export async function searchCustomers(db: Db, options: { query: string; page: number }) {
  const where = searchFilter(options.query);
  const total = await db.customer.count({ where });
  const pages = pageCount(total, CUSTOMERS_PAGE_SIZE);
  const page = Math.min(options.page, pages);
  const rows = await db.customer.findMany({
    where,
    orderBy: [{ name: "asc" }, { code: "asc" }],
    skip: (page - 1) * CUSTOMERS_PAGE_SIZE,
    take: CUSTOMERS_PAGE_SIZE,
    select: {
      id: true,
      code: true,
      name: true,
      city: true,
      province: true,
      billingMode: true,
      balanceMinutes: true,
      active: true,
    },
  });

  return { rows, total, pages, page };
}

function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

// Customer ids are CUID-shaped; anything else (NUL bytes, huge strings) cannot name a customer.
const CUSTOMER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isCustomerId(id: string): boolean {
  return CUSTOMER_ID_PATTERN.test(id);
}

export async function getCustomerOrThrow(db: Db, id: string) {
  if (!isCustomerId(id)) throw new AppError("NOT_FOUND", "customer.notFound");

  const customer = await db.customer.findUnique({
    where: { id },
    include: { contracts: { orderBy: { startsOn: "desc" } } },
  });
  if (!customer) throw new AppError("NOT_FOUND", "customer.notFound");

  return customer;
}

/** Returns one page of the customer's ledger, newest first, with author, contract and links. */
export async function listLedgerEntries(db: Db, options: { customerId: string; page: number }) {
  const where = { customerId: options.customerId };
  const total = await db.ledgerEntry.count({ where });
  const pages = pageCount(total, LEDGER_PAGE_SIZE);
  const page = Math.min(options.page, pages);
  const rows = await db.ledgerEntry.findMany({
    where,
    orderBy: { sequence: "desc" },
    skip: (page - 1) * LEDGER_PAGE_SIZE,
    take: LEDGER_PAGE_SIZE,
    include: {
      author: { select: { name: true } },
      contract: { select: { number: true } },
      session: { select: { code: true } },
      reverses: { select: { id: true, occurredAt: true } },
      reversedBy: { select: { id: true, occurredAt: true } },
    },
  });
  const expiredTopUps = await loadExpiredTopUps(db, rows);

  return {
    rows: rows.map((row) => ({
      ...row,
      expiredTopUp: expiredTopUps.get(expiredTopUpIdOf(row.idempotencyKey) ?? "") ?? null,
    })),
    total,
    pages,
    page,
  };
}

// The top-ups that the expiry entries among `rows` refer to, by id, for the translated text.
async function loadExpiredTopUps(db: Db, rows: { idempotencyKey: string | null }[]) {
  const ids = rows.flatMap((row) => expiredTopUpIdOf(row.idempotencyKey) ?? []);
  if (ids.length === 0) return new Map<string, { occurredAt: Date; minutes: number }>();

  const topUps = await db.ledgerEntry.findMany({
    where: { id: { in: ids } },
    select: { id: true, occurredAt: true, minutes: true },
  });

  return new Map(topUps.map((topUp) => [topUp.id, topUp]));
}
