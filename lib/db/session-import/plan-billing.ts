// Bills the new sessions of an import before anything is written, so the preview shows what the
// commit will charge and the commit can write most of it in bulk.
//
// Each customer's new sessions are billed together with its stored closed sessions that they could
// merge with, by the same mergeReconnections that rebillSessionGroups applies when a session
// closes. A reconnection group made only of new sessions is charged by one SESSION entry on its
// first session. A group that also contains stored sessions has already drawn minutes, so its new
// sessions are recorded one by one with recordSessionInTransaction, which charges the difference.
import { type BillingExplanation, billSession } from "@/lib/domain/bill-session";
import { mergeReconnections } from "@/lib/domain/merge-reconnections";

import type { Db, Tx } from "../client";
import { type BilledRow, findGroupCandidates } from "../sessions/bill-session-group";
import type { ImportCustomer, ResolvedSession, SessionResolution } from "./resolve-sessions";

export interface PlannedSession extends ResolvedSession {
  // Minutes and explanation the session stores once closed. For a session without a customer
  // they are the minutes its rules would bill, shown but not drawn.
  billedMinutes: number;
  rule: BillingExplanation;
  // "bulk" when its group contains only new sessions, "record" when it merges with stored ones.
  write: "bulk" | "record";
}

/** One SESSION entry that charges a group of new sessions, carried by its first session. */
export interface PlannedCharge {
  customerId: string;
  code: string;
  minutes: number;
  occurredAt: Date;
  contractId: string | null;
}

export interface CustomerTotal {
  customer: ImportCustomer;
  sessions: number;
  // Minutes the import draws from the customer's balance.
  minutes: number;
}

export interface BillingPlan {
  // In file order.
  sessions: PlannedSession[];
  charges: PlannedCharge[];
  customers: CustomerTotal[];
}

/** Bills every new session of `resolution` under the rules in effect for its customer. */
export async function planBilling(
  db: Db | Tx,
  resolution: SessionResolution,
): Promise<BillingPlan> {
  const planned = new Map<string, PlannedSession>();
  const charges: PlannedCharge[] = [];
  const customers: CustomerTotal[] = [];

  for (const session of resolution.newSessions) {
    if (session.customerId !== null) continue;

    const result = billSession(session.seconds, session.connectionType, resolution.inboxRules);
    planned.set(session.code, { ...session, ...result, write: "bulk" });
  }

  for (const [customerId, sessions] of groupByCustomer(resolution.newSessions)) {
    const customer = resolution.customers.get(customerId);
    if (!customer) throw new Error(`customer ${customerId} of an imported session was not loaded`);

    const total = await planCustomer(db, customer, sessions, { planned, charges });
    customers.push(total);
  }

  const sessions = resolution.newSessions.flatMap((session) => planned.get(session.code) ?? []);
  customers.sort((a, b) => a.customer.name.localeCompare(b.customer.name, "it"));

  return { sessions, charges, customers };
}

function groupByCustomer(sessions: ResolvedSession[]): Map<string, ResolvedSession[]> {
  const groups = new Map<string, ResolvedSession[]>();
  for (const session of sessions) {
    if (session.customerId === null) continue;

    const list = groups.get(session.customerId);
    if (list) list.push(session);
    else groups.set(session.customerId, [session]);
  }

  return groups;
}

async function planCustomer(
  db: Db | Tx,
  customer: ImportCustomer,
  sessions: ResolvedSession[],
  output: { planned: Map<string, PlannedSession>; charges: PlannedCharge[] },
): Promise<CustomerTotal> {
  const stored = await findGroupCandidates(db, customer.id, sessions, customer.rules);
  const billed = mergeReconnections([...stored, ...sessions], customer.rules);
  const newByCode = new Map(sessions.map((session) => [session.code, session]));
  const storedByCode = new Map(stored.map((row) => [row.code, row]));
  const resultByCode = new Map(billed.map((result) => [result.code, result]));
  let minutes = 0;

  for (const head of billed) {
    if (head.rule.kind === "MERGED") continue;

    const mergedCodes = "mergedCodes" in head.rule ? (head.rule.mergedCodes ?? []) : [];
    const codes = [head.code, ...mergedCodes];
    const newMembers = codes.flatMap((code) => newByCode.get(code) ?? []);
    if (newMembers.length === 0) continue;

    const storedMembers = codes.flatMap((code) => storedByCode.get(code) ?? []);
    const write = storedMembers.length === 0 ? "bulk" : "record";
    for (const session of newMembers) {
      const result = resultByCode.get(session.code) ?? head;
      output.planned.set(session.code, {
        ...session,
        billedMinutes: result.billedMinutes,
        rule: result.rule,
        write,
      });
    }

    if (write === "record") {
      minutes += head.billedMinutes - (await drawnMinutes(db, customer.id, storedMembers));
      continue;
    }

    minutes += head.billedMinutes;
    // Sessions of a group are all new here, so its first session is one of them.
    const first = newMembers[0];
    if (head.billedMinutes > 0) {
      output.charges.push({
        customerId: customer.id,
        code: first.code,
        minutes: head.billedMinutes,
        occurredAt: first.endedAt,
        contractId: first.contractId,
      });
    }
  }

  return { customer, sessions: sessions.length, minutes };
}

// Minutes the SESSION entries of stored sessions have drawn, reversals included.
async function drawnMinutes(
  db: Db | Tx,
  customerId: string,
  members: BilledRow[],
): Promise<number> {
  const sum = await db.ledgerEntry.aggregate({
    where: { customerId, kind: "SESSION", sessionId: { in: members.map((row) => row.id) } },
    _sum: { minutes: true },
  });

  return -(sum._sum.minutes ?? 0);
}
