import type { Db } from "../client";
import { assignSessions } from "./assign-sessions";

export interface InboxAssignment {
  customer: { id: string; code: string; name: string; balanceMinutes: number };
  assigned: number;
  // Minutes the assigned sessions bill, as stored on them after the assignment.
  billedMinutes: number;
}

/**
 * Assigns inbox sessions to a customer with assignSessions, then returns what the operator is
 * shown: how many sessions moved, the minutes they bill and the customer's balance afterwards.
 * The balance is read after the assignment commits, so it also includes any concurrent change.
 */
export async function assignInboxSessions(
  db: Db,
  options: { sessionIds: string[]; customerId: string; actorId: string | null },
): Promise<InboxAssignment> {
  const sessions = await assignSessions(db, options);
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: options.customerId },
    select: { id: true, code: true, name: true, balanceMinutes: true },
  });
  const billedMinutes = sessions.reduce(
    (sum, session) => sum + (session.billable ? (session.billedMinutes ?? 0) : 0),
    0,
  );

  return { customer, assigned: sessions.length, billedMinutes };
}
