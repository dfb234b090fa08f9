// Charging closed sessions to the ledger. A customer's closed, billable sessions fall into groups
// of reconnections, as mergeReconnections forms them, and each group must have drawn exactly the
// minutes the rules bill for it. Every change that can move that target (a close, an assignment, a
// reassignment, a change of the billable flag) calls rebillSessionGroups, which appends only the
// difference, so the ledger stays exact without ever editing an entry.
import { isDeepStrictEqual as isDeepEqual } from "node:util";

import { type BilledSession, mergeReconnections } from "@/lib/domain/merge-reconnections";

import type { Tx } from "../client";
import type { NewLedgerEntry } from "../ledger";
import { appendLedgerEntries } from "../ledger";
import { billingRuleJson } from "./session-billing";
import { getCustomerBillingRules } from "./billing-settings";

export interface BilledRow {
  id: string;
  code: string;
  startedAt: Date;
  endedAt: Date;
  connectionType: string | null;
  remoteDeviceId: string | null;
  operatorId: string | null;
  operatorName: string | null;
  contractId: string | null;
  billedMinutes: number | null;
  billingRule: unknown;
}

export interface GroupAnchor {
  code: string;
  startedAt: Date;
  endedAt: Date;
}

export interface RebillOptions {
  customerId: string;
  // Closed sessions whose groups are rebilled: the session that changed or, when it left the
  // customer's bill, its neighbours that may have shared its group.
  anchors: GroupAnchor[];
  // The session being closed, with the idempotency key of the entry that charges it, if any.
  // Entries for the other sessions have no key.
  charge: { code: string; idempotencyKey: string | null } | null;
  authorId: string | null;
}

/**
 * Brings the ledger of the groups containing `anchors` to what the rules bill now, in the
 * caller's transaction, and stores each member's billed minutes and explanation. Returns the
 * billing of each member by session code.
 *
 * It locks the customer's row first, so concurrent closes of one customer's sessions run this
 * step one at a time and each reads what the others charged. Each member is settled on its own,
 * so its entries sum to minus its billed minutes. A member that drew too little gets one SESSION
 * entry for the difference. One that drew too much (it became a merged member, or a late session
 * bridged two groups) gets a reversal of each of its entries and one new entry for its new
 * total, because a SESSION entry can only be negative.
 */
export async function rebillSessionGroups(
  tx: Tx,
  options: RebillOptions,
): Promise<Map<string, BilledSession>> {
  const { customerId, anchors } = options;
  if (anchors.length === 0) return new Map();

  // Read before the lock to keep the locked part short. A concurrent change of the rules may
  // bill this close by the previous rules, which is what they were when it closed.
  const rules = await getCustomerBillingRules(tx, customerId);
  // NO KEY UPDATE rather than UPDATE: the foreign-key checks of concurrent inserts (new sessions
  // and ledger entries of this customer) take KEY SHARE locks, which UPDATE would conflict with
  // and deadlock on.
  await tx.$queryRaw`SELECT "id" FROM "Customer" WHERE "id" = ${customerId} FOR NO KEY UPDATE`;

  const candidates = await findGroupCandidates(tx, customerId, anchors, rules);
  if (candidates.length === 0) return new Map();

  const billed = mergeReconnections(candidates, rules);
  const anchorCodes = anchors.map((anchor) => anchor.code);
  const groups = groupsOf(billed, candidates, anchorCodes);
  const entries: NewLedgerEntry[] = [];

  for (const group of groups) {
    entries.push(...(await settleGroup(tx, customerId, group, billed, options.charge)));
  }

  await appendLedgerEntries(tx, { customerId, authorId: options.authorId, entries });
  await storeBilledMinutes(tx, groups, billed, candidates);

  const members = groups.flatMap((group) => group.indexes);

  return new Map(members.map((index) => [candidates[index].code, billed[index]]));
}

// Closed billable sessions of the customer that can chain to the anchors within the merge gap.
// The window widens until no session is added, so a long chain of reconnections is found whole.
export async function findGroupCandidates(
  tx: Tx,
  customerId: string,
  anchors: GroupAnchor[],
  rules: { mergeGapMinutes: number },
): Promise<BilledRow[]> {
  const select = {
    id: true,
    code: true,
    startedAt: true,
    endedAt: true,
    connectionType: true,
    remoteDeviceId: true,
    operatorId: true,
    operatorName: true,
    contractId: true,
    billedMinutes: true,
    billingRule: true,
  } as const;
  const where = { customerId, status: "CLOSED", billable: true } as const;
  const gapMs = rules.mergeGapMinutes * 60_000;
  let rows: BilledRow[] = [];
  let bounds = spanOf(anchors, gapMs);

  while (bounds) {
    const found = await tx.session.findMany({
      where: { ...where, endedAt: { gte: bounds.from }, startedAt: { lte: bounds.to } },
      select,
    });
    rows = found.filter(hasEnd);
    const next = spanOf(rows, gapMs);
    if (!next || (next.from >= bounds.from && next.to <= bounds.to)) break;

    bounds = { from: minDate(next.from, bounds.from), to: maxDate(next.to, bounds.to) };
  }

  return rows;
}

function hasEnd<T extends { endedAt: Date | null }>(row: T): row is T & { endedAt: Date } {
  return row.endedAt !== null;
}

function spanOf(rows: GroupAnchor[], gapMs: number): { from: Date; to: Date } | null {
  if (rows.length === 0) return null;

  const from = Math.min(...rows.map((row) => row.startedAt.getTime())) - gapMs;
  const to = Math.max(...rows.map((row) => row.endedAt.getTime())) + gapMs;

  return { from: new Date(from), to: new Date(to) };
}

const minDate = (a: Date, b: Date) => (a < b ? a : b);
const maxDate = (a: Date, b: Date) => (a > b ? a : b);

interface Group {
  head: BilledRow;
  members: BilledRow[];
  // Indexes of the members in the candidate rows and in mergeReconnections' results.
  indexes: number[];
  targetMinutes: number;
}

function groupsOf(billed: BilledSession[], rows: BilledRow[], anchorCodes: string[]): Group[] {
  const anchors = new Set(anchorCodes);
  const indexByCode = new Map(rows.map((row, index) => [row.code, index]));
  const groups: Group[] = [];

  billed.forEach((result, headIndex) => {
    if (result.rule.kind === "MERGED") return;

    const mergedCodes = "mergedCodes" in result.rule ? (result.rule.mergedCodes ?? []) : [];
    const codes = [result.code, ...mergedCodes];
    if (!codes.some((code) => anchors.has(code))) return;

    // Session codes are unique, so every merged code is one of the candidate rows.
    const indexes = codes.map((code) => indexByCode.get(code) ?? headIndex);
    groups.push({
      head: rows[headIndex],
      members: indexes.map((index) => rows[index]),
      indexes,
      targetMinutes: result.billedMinutes,
    });
  });

  return groups;
}

// Brings each member's SESSION entries to minus its billed minutes. The first session carries the
// group's minutes and a merged one 0, so every session's entries sum to -billedMinutes.
async function settleGroup(
  tx: Tx,
  customerId: string,
  group: Group,
  billed: BilledSession[],
  target: RebillOptions["charge"],
): Promise<NewLedgerEntry[]> {
  const drawnEntries = await tx.ledgerEntry.findMany({
    where: { customerId, kind: "SESSION", sessionId: { in: group.members.map((row) => row.id) } },
    orderBy: { sequence: "asc" },
    select: { id: true, minutes: true, contractId: true, sessionId: true, reversesId: true },
  });
  const entries: NewLedgerEntry[] = [];

  group.members.forEach((row, position) => {
    const own = drawnEntries.filter((entry) => entry.sessionId === row.id);
    const targetMinutes = billed[group.indexes[position]].billedMinutes;
    const difference = targetMinutes + own.reduce((sum, entry) => sum + entry.minutes, 0);

    if (difference > 0) {
      const key = row.code === target?.code ? target.idempotencyKey : null;
      entries.push(charge(row, difference, key));
    } else if (difference < 0) {
      // A SESSION entry can only draw, so a session that drew too much gives back all it drew and
      // draws its new total again.
      entries.push(...reversalsOf(own));
      if (targetMinutes > 0) entries.push(charge(row, targetMinutes, null));
    }
  });

  return entries;
}

function reversalsOf(
  own: {
    id: string;
    minutes: number;
    contractId: string | null;
    sessionId: string | null;
    reversesId: string | null;
  }[],
): NewLedgerEntry[] {
  const reversed = new Set(own.map((entry) => entry.reversesId).filter(Boolean));

  return own
    .filter((entry) => entry.reversesId === null && !reversed.has(entry.id))
    .map((entry) => ({
      kind: "SESSION",
      minutes: -entry.minutes,
      contractId: entry.contractId,
      sessionId: entry.sessionId,
      reversesId: entry.id,
    }));
}

function charge(row: BilledRow, minutes: number, idempotencyKey: string | null): NewLedgerEntry {
  return {
    kind: "SESSION",
    minutes: -minutes,
    occurredAt: row.endedAt,
    contractId: row.contractId,
    sessionId: row.id,
    idempotencyKey,
  };
}

// Stores the minutes and explanation of the rebilled groups' members. Other candidates keep what
// they have: their ledger was not touched, so their stored values still describe it.
async function storeBilledMinutes(
  tx: Tx,
  groups: Group[],
  billed: BilledSession[],
  rows: BilledRow[],
) {
  for (const index of groups.flatMap((group) => group.indexes)) {
    const result = billed[index];
    const row = rows[index];
    const rule = billingRuleJson(result.rule);
    if (row.billedMinutes === result.billedMinutes && isDeepEqual(row.billingRule, rule)) continue;

    await tx.session.update({
      where: { id: row.id },
      data: { billedMinutes: result.billedMinutes, billingRule: rule },
    });
  }
}
