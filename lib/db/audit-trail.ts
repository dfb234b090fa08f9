// Reading the audit trail for its page. Writing happens only through recordAudit (./audit.ts).
import type { AuditFilters } from "@/lib/validations/audit-filters";

import type { Db } from "./client";
import type { Prisma } from "./generated/client";

export const AUDIT_PAGE_SIZE = 50;

const eventSelect = {
  id: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  createdAt: true,
  actor: { select: { id: true, name: true, email: true } },
} satisfies Prisma.AuditEventSelect;

export type AuditEventRow = Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>;

/** Returns one page of the events that match `filters`, newest first, and the total count. */
export async function listAuditEvents(
  db: Db,
  options: { filters: AuditFilters; page: number },
): Promise<{ events: AuditEventRow[]; total: number }> {
  const { filters } = options;
  const where: Prisma.AuditEventWhereInput = {
    entityType: filters.entityType,
    actorId: filters.actorId,
    createdAt: filters.from || filters.before ? { gte: filters.from, lt: filters.before } : {},
  };

  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      select: eventSelect,
      // The id breaks ties between events of one transaction, which share a timestamp.
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (options.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db.auditEvent.count({ where }),
  ]);

  return { events, total };
}

/** Returns the entity types present in the trail and every user, for the filter form. */
export async function listAuditFilterOptions(db: Db) {
  const [types, users] = await Promise.all([
    db.auditEvent.findMany({
      distinct: ["entityType"],
      select: { entityType: true },
      orderBy: { entityType: "asc" },
    }),
    db.user.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);

  return { entityTypes: types.map((type) => type.entityType), users };
}
