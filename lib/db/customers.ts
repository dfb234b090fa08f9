import { AppError } from "@/lib/errors";

import type { Db } from "./client";
import type { Prisma } from "./generated/client";

export const CUSTOMERS_PAGE_SIZE = 25;
export const LEDGER_PAGE_SIZE = 20;

function searchFilter(query: string): Prisma.CustomerWhereInput {
  const text = query.trim();
  if (!text) return {};

  return {
    OR: [
      { code: { startsWith: text, mode: "insensitive" } },
      { name: { contains: text, mode: "insensitive" } },
    ],
  };
}

/** Returns one page of customers whose code starts with, or whose name contains, `query`. */
export async function searchCustomers(db: Db, options: { query: string; page: number }) {
  const where = searchFilter(options.query);
  const [total, rows] = await Promise.all([
    db.customer.count({ where }),
    db.customer.findMany({
      where,
      orderBy: [{ name: "asc" }, { code: "asc" }],
      skip: (options.page - 1) * CUSTOMERS_PAGE_SIZE,
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
    }),
  ]);

  return { rows, total, pages: Math.max(1, Math.ceil(total / CUSTOMERS_PAGE_SIZE)) };
}

export async function getCustomerOrThrow(db: Db, id: string) {
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
  const [total, rows] = await Promise.all([
    db.ledgerEntry.count({ where }),
    db.ledgerEntry.findMany({
      where,
      orderBy: { sequence: "desc" },
      skip: (options.page - 1) * LEDGER_PAGE_SIZE,
      take: LEDGER_PAGE_SIZE,
      include: {
        author: { select: { name: true } },
        contract: { select: { number: true } },
        session: { select: { code: true } },
        reversedBy: { select: { id: true } },
      },
    }),
  ]);

  return { rows, total, pages: Math.max(1, Math.ceil(total / LEDGER_PAGE_SIZE)) };
}
