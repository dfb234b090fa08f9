// Writes planned demo data in one transaction: bulk inserts for the registry and sessions, and the
// ledger through appendLedgerEntries, the one function that changes balances.
import { recordAudit } from "@/lib/db/audit";
import type { Tx } from "@/lib/db/client";
import { expiryKey } from "@/lib/db/credit-expiry";
import { appendLedgerEntries, type NewLedgerEntry } from "@/lib/db/ledger";
import { postpaidBillingKey } from "@/lib/domain/billing-month";

import { DEMO_ACCOUNTS } from "./accounts";
import type { CustomerPlan, PlannedEntry, SessionPlan } from "./plan";
import type { CustomerDemo, DemoData, DemoSummary } from "./demo-plan";

const DAY_MS = 86_400_000;
// Rows per INSERT, well below PostgreSQL's limit of 65,535 parameters per statement.
const SESSION_BATCH = 1_000;

/**
 * Inserts users, registry, sessions and ledger, and records one audit event with `summary`.
 * `passwordHashes` follow the order of DEMO_ACCOUNTS.
 */
export async function writeDemoData(
  tx: Tx,
  options: { data: DemoData; passwordHashes: readonly string[]; summary: DemoSummary },
): Promise<void> {
  const { data, passwordHashes } = options;
  const users = await tx.user.createManyAndReturn({
    data: DEMO_ACCOUNTS.map((account, index) => ({
      email: account.email,
      name: account.name,
      role: account.role,
      passwordHash: passwordHashes[index],
    })),
    select: { id: true, role: true },
  });
  const adminId = users.find((user) => user.role === "ADMIN")?.id ?? null;
  const operatorId = users.find((user) => user.role === "OPERATOR")?.id ?? null;

  const customers = await tx.customer.createManyAndReturn({
    data: data.customers.map(({ customer }) => customerRow(customer)),
    select: { id: true, code: true },
  });
  const customerIds = new Map(customers.map((customer) => [customer.code, customer.id]));

  const contractIds = await writeContracts(tx, data.customers, customerIds);
  await tx.device.createMany({
    data: data.customers.flatMap(({ customer }) =>
      customer.devices.map((device) => ({
        ...device,
        customerId: idOf(customerIds, customer.code),
      })),
    ),
  });
  const sessionIds = await writeSessions(tx, data.sessions, customerIds, operatorId);

  // appendLedgerEntries takes one author per call, so the administrator is the author of the whole
  // demo history, session entries included.
  for (const { customer, entries } of data.customers) {
    await appendCustomerLedger(tx, {
      customerId: idOf(customerIds, customer.code),
      authorId: adminId,
      entries,
      contractIds: contractIds.get(customer.code) ?? [],
      sessionIds,
    });
  }

  await recordAudit(tx, {
    actorId: adminId,
    action: "demo.seed",
    entityType: "Database",
    after: { ...options.summary },
  });
}

function customerRow(customer: CustomerPlan) {
  return {
    code: customer.code,
    name: customer.name,
    vatNumber: customer.vatNumber,
    // Companies usually have a tax code equal to their VAT number, so demo data uses it for all.
    taxCode: customer.vatNumber,
    address: customer.address,
    city: customer.city,
    province: customer.province,
    postalCode: customer.postalCode,
    email: customer.email,
    phone: customer.phone,
    billingMode: customer.billingMode,
    lowBalanceThreshold: customer.lowBalanceThreshold,
    lowBalanceKind: customer.lowBalanceKind,
    notes: customer.notes,
    active: customer.active,
  };
}

// Returns each customer's contract ids, in the order of its planned contracts.
async function writeContracts(
  tx: Tx,
  customers: readonly CustomerDemo[],
  customerIds: Map<string, string>,
): Promise<Map<string, string[]>> {
  const rows = await tx.contract.createManyAndReturn({
    data: customers.flatMap(({ customer }) =>
      customer.contracts.map((contract) => ({
        customerId: idOf(customerIds, customer.code),
        number: contract.number,
        // A @db.Date column keeps the UTC calendar date of the value.
        startsOn: new Date(contract.startsOn * DAY_MS),
        endsOn: contract.endsOn === null ? null : new Date(contract.endsOn * DAY_MS),
        minutesIncluded: contract.minutesIncluded,
        notes: contract.notes,
      })),
    ),
    select: { id: true, customerId: true, number: true },
  });
  const idByKey = new Map(rows.map((row) => [`${row.customerId}/${row.number}`, row.id]));

  return new Map(
    customers.map(({ customer }) => [
      customer.code,
      customer.contracts.map((contract) =>
        idOf(idByKey, `${idOf(customerIds, customer.code)}/${contract.number}`),
      ),
    ]),
  );
}

// Returns session ids by session code. createMany and one read back took about half the time of
// createManyAndReturn for 1,000 rows, on PostgreSQL 15 and on PGlite (2-core machine).
async function writeSessions(
  tx: Tx,
  sessions: readonly SessionPlan[],
  customerIds: Map<string, string>,
  operatorId: string | null,
): Promise<Map<string, string>> {
  for (let start = 0; start < sessions.length; start += SESSION_BATCH) {
    await tx.session.createMany({
      data: sessions.slice(start, start + SESSION_BATCH).map((session) => ({
        code: session.code,
        customerId: session.customerCode === null ? null : idOf(customerIds, session.customerCode),
        operatorId: session.byDemoOperator ? operatorId : null,
        operatorName: session.operatorName,
        remoteDeviceId: session.remoteDeviceId,
        connectionType: "RemoteControl",
        status: session.status,
        source: session.source,
        startedAt: session.startedAt,
        endedAt: session.endedAt,
        seconds: session.seconds,
        billedMinutes: session.billedMinutes,
        exhaustedCredit: session.exhaustedCredit,
        notes: session.notes,
      })),
    });
  }
  const rows = await tx.session.findMany({ select: { id: true, code: true } });

  return new Map(rows.map((row) => [row.code, row.id]));
}

/**
 * Appends the customer's entries in time order. A reversal or an expiry needs the id of the entry
 * it refers to, so the entries are passed in one call, split only where such an entry follows the
 * one it refers to.
 */
async function appendCustomerLedger(
  tx: Tx,
  options: {
    customerId: string;
    authorId: string | null;
    entries: readonly PlannedEntry[];
    contractIds: readonly string[];
    sessionIds: Map<string, string>;
  },
) {
  const entryIds = new Map<PlannedEntry, string>();
  let batch: PlannedEntry[] = [];

  const flush = async (authorId = options.authorId) => {
    if (batch.length === 0) return;

    const created = await appendLedgerEntries(tx, {
      customerId: options.customerId,
      authorId,
      skipAudit: true,
      entries: batch.map((entry) => newLedgerEntry(entry, options, entryIds)),
    });
    // The rows come back in sequence order, which is the order of the entries in the call.
    batch.forEach((entry, index) => entryIds.set(entry, created[index].id));
    batch = [];
  };

  for (const entry of options.entries) {
    if (entry.expires) {
      // The app records expiries itself, with no author, so the demo's expiry has none either.
      await flush();
      batch.push(entry);
      await flush(null);
      continue;
    }

    if (entry.reverses && !entryIds.has(entry.reverses)) await flush();
    batch.push(entry);
  }
  await flush();
}

function newLedgerEntry(
  entry: PlannedEntry,
  ids: { customerId: string; contractIds: readonly string[]; sessionIds: Map<string, string> },
  entryIds: Map<PlannedEntry, string>,
): NewLedgerEntry {
  return {
    kind: entry.kind,
    minutes: entry.minutes,
    occurredAt: entry.occurredAt,
    contractId: entry.contractIndex === null ? null : ids.contractIds[entry.contractIndex],
    sessionId: entry.sessionCode === null ? null : idOf(ids.sessionIds, entry.sessionCode),
    comment: entry.comment,
    invoiceReference: entry.invoiceReference,
    expiresAt: entry.expiresAt,
    reversesId: entry.reverses === null ? null : idOf(entryIds, entry.reverses),
    idempotencyKey: idempotencyKeyOf(entry, ids.customerId, entryIds),
  };
}

// The keys the app uses for the same entries, so it never records them a second time.
function idempotencyKeyOf(
  entry: PlannedEntry,
  customerId: string,
  entryIds: Map<PlannedEntry, string>,
): string | null {
  if (entry.expires) return expiryKey(idOf(entryIds, entry.expires));
  if (entry.billedMonth) return postpaidBillingKey(customerId, entry.billedMonth);

  return null;
}

function idOf<K>(ids: Map<K, string>, key: K): string {
  const id = ids.get(key);
  if (id === undefined) {
    const name = typeof key === "string" ? key : "a ledger entry";
    throw new Error(`Demo data refers to ${name}, which was not inserted`);
  }

  return id;
}
