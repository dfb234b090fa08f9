import { balanceStatus, type BalanceStatus, lowBalanceMinutes } from "@/lib/domain/ledger";

import type { Db } from "./client";
import type { Prisma } from "./generated/client";
import { toSearchPattern } from "./search-text";

export const LOOKUP_LIMIT = 8;

export interface BalanceLookupResult {
  id: string;
  code: string;
  name: string;
  billingMode: "PREPAID" | "POSTPAID";
  balanceMinutes: number;
  thresholdMinutes: number | null;
  status: BalanceStatus;
  // Inactive customers are still found, because their sessions need a balance, but marked.
  active: boolean;
}

// Customer columns for a balance with its warning status: the threshold, and the last top-up that
// a percentage threshold refers to.
export const balanceSelect = {
  id: true,
  code: true,
  name: true,
  billingMode: true,
  balanceMinutes: true,
  lowBalanceThreshold: true,
  lowBalanceKind: true,
  lastTopUpMinutes: true,
  active: true,
} satisfies Prisma.CustomerSelect;

export type BalanceRow = Prisma.CustomerGetPayload<{ select: typeof balanceSelect }>;

/** Computes the threshold in minutes and the warning status of a customer loaded with balanceSelect. */
export function toBalanceResult(customer: BalanceRow): BalanceLookupResult {
  const state = {
    balanceMinutes: customer.balanceMinutes,
    billingMode: customer.billingMode,
    lowBalanceThreshold: customer.lowBalanceThreshold,
    lowBalanceKind: customer.lowBalanceKind,
    lastTopUpMinutes: customer.lastTopUpMinutes,
  };

  return {
    id: customer.id,
    code: customer.code,
    name: customer.name,
    billingMode: customer.billingMode,
    balanceMinutes: customer.balanceMinutes,
    thresholdMinutes: lowBalanceMinutes(state),
    status: balanceStatus(state),
    active: customer.active,
  };
}

/**
 * Finds the customers an operator means by `query`: an exact code first, then codes starting
 * with it and names containing it. Inactive customers are included, since their sessions still
 * need a balance.
 */
export async function lookupBalances(db: Db, query: string): Promise<BalanceLookupResult[]> {
  const text = toSearchPattern(query);
  if (!text) return [];

  const exact = await db.customer.findFirst({
    where: { code: { equals: text, mode: "insensitive" } },
    select: balanceSelect,
  });
  const others = await db.customer.findMany({
    where: {
      id: exact ? { not: exact.id } : undefined,
      OR: [
        { code: { startsWith: text, mode: "insensitive" } },
        { name: { contains: text, mode: "insensitive" } },
      ],
    },
    orderBy: [{ name: "asc" }, { code: "asc" }],
    take: exact ? LOOKUP_LIMIT - 1 : LOOKUP_LIMIT,
    select: balanceSelect,
  });
  const ranked = exact ? [exact, ...others] : others;

  return ranked.map(toBalanceResult);
}
