// Sorts the rows of a session file by what the database holds: already imported, rejected, or
// new with the customer (by customer code or registered device) or the "to assign" inbox. The
// lookups are one query each for the whole file, whatever its size.
import { type BillingRules, resolveBillingRules } from "@/lib/domain/billing-rules";
import {
  type ContractPeriod,
  contractInEffect,
  customerOfDevices,
} from "@/lib/domain/session-association";
import { remoteIdLookupVariants } from "@/lib/domain/device-id";
import { FUTURE_TOLERANCE_MS } from "@/lib/domain/session-time";
import {
  type ImportedSession,
  rejectRow,
  type RejectedSessionRow,
} from "@/lib/imports/session-rows";

import type { Db, Tx } from "../client";
import { BILLING_RULES_SETTING } from "../sessions";

/** A new session with the customer and contract it goes to; both null for the inbox. */
export interface ResolvedSession extends ImportedSession {
  customerId: string | null;
  contractId: string | null;
}

export interface ImportCustomer {
  id: string;
  code: string;
  name: string;
  balanceMinutes: number;
  rules: BillingRules;
}

export interface SessionResolution {
  // In file order.
  newSessions: ResolvedSession[];
  alreadyImported: ImportedSession[];
  rejected: RejectedSessionRow[];
  // The customers of the new sessions, by id.
  customers: Map<string, ImportCustomer>;
  // The rules of sessions without a customer.
  inboxRules: BillingRules;
}

/**
 * Sorts `sessions` as recordSession would treat them one by one. A code that exists as a closed
 * session is already imported, whatever its customer. A running one, a start or end in the future
 * and a customer code that matches no customer are rejected. A customer code decides the customer,
 * else the registered device, else the session goes to the inbox.
 */
export async function resolveSessions(
  db: Db | Tx,
  sessions: ImportedSession[],
  now: Date,
): Promise<SessionResolution> {
  const stored = await loadStoredSessions(db, sessions);
  const customerIdByCode = await loadCustomerIds(db, sessions);
  const devicesByRemoteId = await loadDevices(db, sessions);
  const resolution: SessionResolution = {
    newSessions: [],
    alreadyImported: [],
    rejected: [],
    customers: new Map(),
    inboxRules: resolveBillingRules({}),
  };

  for (const session of sessions) {
    const status = stored.get(session.code);
    if (status === "CLOSED") {
      resolution.alreadyImported.push(session);
      continue;
    }

    const rejection =
      runningRejection(session, status) ??
      futureRejection(session, now) ??
      unknownCustomerRejection(session, customerIdByCode);
    if (rejection) {
      resolution.rejected.push(rejection);
      continue;
    }

    const customerId = session.customerCode
      ? (customerIdByCode.get(session.customerCode) ?? null)
      : customerOfDevices(devicesOf(session.remoteDeviceId, devicesByRemoteId));
    resolution.newSessions.push({ ...session, customerId, contractId: null });
  }

  await attachCustomers(db, resolution);

  return resolution;
}

async function loadStoredSessions(db: Db | Tx, sessions: ImportedSession[]) {
  const codes = sessions.map((session) => session.code);
  const rows = await db.$queryRaw<{ code: string; status: "RUNNING" | "CLOSED" }[]>`
    SELECT "code", "status"::text AS "status" FROM "Session" WHERE "code" = ANY(${codes}::text[])`;

  return new Map(rows.map((row) => [row.code, row.status]));
}

async function loadCustomerIds(db: Db | Tx, sessions: ImportedSession[]) {
  const codes = [...new Set(sessions.flatMap((session) => session.customerCode ?? []))];
  if (codes.length === 0) return new Map<string, string>();

  const rows = await db.$queryRaw<{ id: string; code: string }[]>`
    SELECT "id", "code" FROM "Customer" WHERE "code" = ANY(${codes}::text[])`;

  return new Map(rows.map((row) => [row.code, row.id]));
}

// Tools show IDs grouped with spaces ("123 456 789") while logs write them plain, so both
// spellings of an ID are looked up, as findSessionCustomer does.
function remoteIdVariants(remoteDeviceId: string | null): string[] {
  return remoteIdLookupVariants(remoteDeviceId);
}

async function loadDevices(db: Db | Tx, sessions: ImportedSession[]) {
  const ids = [...new Set(sessions.flatMap((session) => remoteIdVariants(session.remoteDeviceId)))];
  const byRemoteId = new Map<string, { customerId: string }[]>();
  if (ids.length === 0) return byRemoteId;

  const rows = await db.$queryRaw<{ remoteId: string; customerId: string }[]>`
    SELECT "remoteId", "customerId" FROM "Device" WHERE "remoteId" = ANY(${ids}::text[])`;
  for (const row of rows) {
    const devices = byRemoteId.get(row.remoteId);
    if (devices) devices.push(row);
    else byRemoteId.set(row.remoteId, [row]);
  }

  return byRemoteId;
}

function devicesOf(
  remoteDeviceId: string | null,
  byRemoteId: Map<string, { customerId: string }[]>,
) {
  return remoteIdVariants(remoteDeviceId).flatMap((id) => byRemoteId.get(id) ?? []);
}

// Closing a running session is the console's or the API's job, which also records the
// operator's decision when credit runs out, so the import leaves it alone.
function runningRejection(
  session: ImportedSession,
  status: string | undefined,
): RejectedSessionRow | null {
  if (status !== "RUNNING") return null;

  return rejectRow(session.line, session.code, "sessionImport.sessionRunning", {
    code: session.code,
  });
}

function futureRejection(session: ImportedSession, now: Date): RejectedSessionRow | null {
  const limit = now.getTime() + FUTURE_TOLERANCE_MS;
  const toleranceMinutes = FUTURE_TOLERANCE_MS / 60_000;
  if (session.startedAt.getTime() > limit) {
    return rejectRow(session.line, session.code, "sessionImport.startInFuture", {
      value: session.startedAt.toISOString(),
      toleranceMinutes,
    });
  }
  if (session.endedAt.getTime() > limit) {
    return rejectRow(session.line, session.code, "sessionImport.endInFuture", {
      value: session.endedAt.toISOString(),
      toleranceMinutes,
    });
  }

  return null;
}

// A customer code that matches no customer is most likely a typing error in the file, so the row
// is rejected rather than sent to the inbox, as findSessionCustomer does.
function unknownCustomerRejection(
  session: ImportedSession,
  customerIdByCode: Map<string, string>,
): RejectedSessionRow | null {
  if (!session.customerCode || customerIdByCode.has(session.customerCode)) return null;

  return rejectRow(session.line, session.code, "sessionImport.unknownCustomerCode", {
    customerCode: session.customerCode,
  });
}

// Loads the customers of the new sessions with their rules and contracts, and picks each
// session's contract in effect at its start.
async function attachCustomers(db: Db | Tx, resolution: SessionResolution): Promise<void> {
  const setting = await db.setting.findUnique({ where: { key: BILLING_RULES_SETTING } });
  resolution.inboxRules = resolveBillingRules({ settings: setting?.value });

  const ids = [...new Set(resolution.newSessions.flatMap((session) => session.customerId ?? []))];
  if (ids.length === 0) return;

  const customers = await db.customer.findMany({
    where: { id: { in: ids } },
    select: { id: true, code: true, name: true, balanceMinutes: true, billingRules: true },
  });
  for (const customer of customers) {
    const rules = resolveBillingRules({
      settings: setting?.value,
      customer: customer.billingRules,
    });
    const { id, code, name, balanceMinutes } = customer;
    resolution.customers.set(id, { id, code, name, balanceMinutes, rules });
  }

  const contracts = await db.contract.findMany({
    where: { customerId: { in: ids } },
    select: { id: true, customerId: true, startsOn: true, endsOn: true },
  });
  const contractsOf = new Map<string, ContractPeriod[]>();
  for (const contract of contracts) {
    const list = contractsOf.get(contract.customerId);
    if (list) list.push(contract);
    else contractsOf.set(contract.customerId, [contract]);
  }
  for (const session of resolution.newSessions) {
    if (session.customerId === null) continue;

    session.contractId = contractInEffect(
      contractsOf.get(session.customerId) ?? [],
      session.startedAt,
    );
  }
}
