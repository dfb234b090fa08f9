import type { Prisma } from "./generated/client";
import type { Tx } from "./client";

export interface AuditInput {
  actorId: string | null;
  // Verb-noun, for example "ledger.append" or "registry.import".
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/**
 * Appends an audit event in the caller's transaction, so it is stored exactly when the change is.
 * The table rejects UPDATE and DELETE (see the migration's append-only trigger).
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      before: input.before,
      after: input.after,
    },
  });
}
