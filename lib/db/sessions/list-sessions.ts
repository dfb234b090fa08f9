// Reading sessions for the sessions list, the "to assign" inbox and the operator console.
import type { SessionFilters } from "@/lib/validations/session-filters";

import type { Db } from "../client";
import type { Prisma } from "../generated/client";
import { toSearchPattern } from "../search-text";

export const SESSIONS_PAGE_SIZE = 50;
// The console lists at most this many running sessions to pick from. More than that is not a queue
// one operator works through, and the code field still opens any session.
export const RUNNING_SESSIONS_LIMIT = 50;

const rowSelect = {
  id: true,
  code: true,
  status: true,
  source: true,
  startedAt: true,
  endedAt: true,
  seconds: true,
  billedMinutes: true,
  billingRule: true,
  billable: true,
  exhaustedCredit: true,
  operatorName: true,
  remoteDeviceId: true,
  customer: { select: { id: true, code: true, name: true } },
  operator: { select: { name: true } },
} satisfies Prisma.SessionSelect;

export type SessionRow = Prisma.SessionGetPayload<{ select: typeof rowSelect }>;

export interface SessionTotals {
  sessions: number;
  // Real connected seconds of the closed sessions. Running sessions have none yet.
  seconds: number;
  billedMinutes: number;
}

/** Builds the WHERE clause of the filters, which the rows and the totals share. */
export function sessionWhere(filters: SessionFilters): Prisma.SessionWhereInput {
  const conditions: Prisma.SessionWhereInput[] = [];

  if (filters.startedFrom || filters.startedBefore) {
    conditions.push({ startedAt: { gte: filters.startedFrom, lt: filters.startedBefore } });
  }
  if (filters.customer) {
    const text = toSearchPattern(filters.customer);
    conditions.push({
      customer: {
        OR: [
          { code: { startsWith: text, mode: "insensitive" } },
          { name: { contains: text, mode: "insensitive" } },
        ],
      },
    });
  }
  if (filters.operator) {
    const text = toSearchPattern(filters.operator);
    conditions.push({
      OR: [
        { operatorName: { contains: text, mode: "insensitive" } },
        { operator: { name: { contains: text, mode: "insensitive" } } },
      ],
    });
  }
  if (filters.status === "RUNNING") conditions.push({ status: "RUNNING" });
  if (filters.status === "CLOSED") conditions.push({ status: "CLOSED", customerId: { not: null } });
  if (filters.status === "UNASSIGNED") conditions.push({ customerId: null });

  return { AND: conditions };
}

/**
 * Returns one page of the sessions that match `filters`, newest first, and the totals of the
 * whole filtered set, summed by the database rather than over the page.
 *
 * Billed minutes of a session in the inbox are what it will draw once assigned. Until then it
 * draws nothing. A session that is not billable counts 0.
 */
export async function listSessions(
  db: Db,
  options: { filters: SessionFilters; page: number; pageSize?: number },
) {
  const pageSize = options.pageSize ?? SESSIONS_PAGE_SIZE;
  const where = sessionWhere(options.filters);

  const [aggregate, rows] = await Promise.all([
    db.session.aggregate({
      where,
      _count: { _all: true },
      _sum: { seconds: true, billedMinutes: true },
    }),
    db.session.findMany({
      where,
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      skip: (options.page - 1) * pageSize,
      take: pageSize,
      select: rowSelect,
    }),
  ]);
  const totals: SessionTotals = {
    sessions: aggregate._count._all,
    seconds: aggregate._sum.seconds ?? 0,
    billedMinutes: aggregate._sum.billedMinutes ?? 0,
  };

  return { rows, totals, pages: Math.max(1, Math.ceil(totals.sessions / pageSize)) };
}

/** Returns the running sessions, most recently started first, for the operator console. */
export async function listRunningSessions(db: Db): Promise<SessionRow[]> {
  return db.session.findMany({
    where: { status: "RUNNING" },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: RUNNING_SESSIONS_LIMIT,
    select: rowSelect,
  });
}

/** Returns the operator names found on sessions, sorted, to suggest in the operator filter. */
export async function listOperatorNames(db: Db): Promise<string[]> {
  const groups = await db.session.groupBy({
    by: ["operatorName"],
    where: { operatorName: { not: null } },
    orderBy: { operatorName: "asc" },
  });

  return groups.flatMap((group) => (group.operatorName ? [group.operatorName] : []));
}
