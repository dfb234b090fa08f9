import {
  assertNotInFuture,
  assertStartNotTooOld,
  MAX_SESSION_SECONDS,
} from "@/lib/domain/session-time";
import { AppError } from "@/lib/errors";

import { recordAudit } from "../audit";
import type { Db } from "../client";
import type { Session, SessionSource } from "../generated/client";
import { findSessionCustomer } from "./find-session-customer";
import { runSessionTransaction } from "./session-billing";

export interface SessionDetails {
  // Session code of the remote-control tool, unique across all sessions.
  code: string;
  // ERP code of the customer; when absent the remote device ID decides, else the inbox.
  customerCode?: string | null;
  remoteDeviceId?: string | null;
  connectionType?: string | null;
  operatorId?: string | null;
  operatorName?: string | null;
  notes?: string | null;
  source: "API" | "MANUAL" | "IMPORT";
  actorId: string | null;
  // The server's current time, injectable for tests.
  now?: Date;
}

export interface StartSessionOptions extends SessionDetails {
  // Defaults to `now`.
  startedAt?: Date;
}

export interface SessionOutcome {
  session: Session;
  // False when a session with the code already existed and was returned unchanged.
  created: boolean;
}

/**
 * Creates a RUNNING session. Starting a code that already exists returns that session unchanged,
 * so a client may retry a start safely. Throws a VALIDATION AppError (`session.startInFuture`)
 * for a start more than the clock tolerance ahead, `session.startTooOld` for a start more than a
 * day ago, and `session.unknownCustomerCode` for a
 * customer code that matches no customer.
 */
export async function startSession(db: Db, options: StartSessionOptions): Promise<SessionOutcome> {
  const now = options.now ?? new Date();
  const startedAt = options.startedAt ?? now;
  const existing = await db.session.findUnique({ where: { code: options.code } });
  if (existing) {
    await assertSameCustomer(db, existing, options.customerCode);

    return { session: existing, created: false };
  }

  assertNotInFuture({ instant: startedAt, now, field: "startedAt", code: options.code });
  // A running session can only end now or later, so one that started over a day ago is too long.
  assertStartNotTooOld({
    startedAt,
    now,
    maxAgeMs: MAX_SESSION_SECONDS * 1000,
    code: options.code,
  });

  return runSessionTransaction<SessionOutcome>(
    db,
    async (tx) => {
      const owner = await findSessionCustomer(tx, { ...options, at: startedAt });
      const session = await tx.session.create({
        data: { ...sessionData(options), ...owner, status: "RUNNING", startedAt },
      });
      await recordAudit(tx, {
        actorId: options.actorId,
        action: "session.start",
        entityType: "Session",
        entityId: session.id,
        after: { code: session.code, customerId: session.customerId, source: session.source },
      });

      return { session, created: true };
    },
    async () => {
      const session = await db.session.findUnique({ where: { code: options.code } });

      return session ? { session, created: false } : null;
    },
  );
}

/**
 * Throws CONFLICT (`session.codeOfOtherCustomer`) when a request names a customer code and the
 * existing session with its code belongs to another customer or to none. A retry of the same
 * request, or one that names no customer, passes.
 */
export async function assertSameCustomer(
  db: Db,
  existing: Session,
  customerCode: string | null | undefined,
): Promise<void> {
  if (!customerCode) return;

  const customer = await db.customer.findUnique({
    where: { code: customerCode },
    select: { id: true },
  });
  if (customer && customer.id === existing.customerId) return;

  const values = { code: existing.code, customerCode };
  throw new AppError("CONFLICT", "session.codeOfOtherCustomer", {
    values,
    fields: [{ field: "customerCode", message: "session.codeOfOtherCustomer", values }],
  });
}

/** Returns the columns a new session takes from the request. */
export function sessionData(options: SessionDetails) {
  return {
    code: options.code,
    source: options.source satisfies SessionSource,
    connectionType: options.connectionType ?? null,
    remoteDeviceId: options.remoteDeviceId ?? null,
    operatorId: options.operatorId ?? null,
    operatorName: options.operatorName ?? null,
    notes: options.notes ?? null,
  };
}
