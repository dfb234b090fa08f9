// Turns the rows read by lib/db/reports.ts into report sections. Pure, so the arithmetic of
// balances and totals is tested without a database.
import type { Granularity } from "@/lib/domain/periods";

import { buildChart } from "./chart-data";
import type {
  Balances,
  CreditKind,
  ReportCustomer,
  ReportKind,
  ReportSection,
  SessionRow,
  StatementRow,
  TopUpRow,
} from "./types";

export interface SourceEntry {
  customerId: string;
  kind: CreditKind | "SESSION";
  minutes: number;
  occurredAt: Date;
  comment: string | null;
  contract: { number: string } | null;
  author: { name: string } | null;
  session: { code: string } | null;
}

export interface SourceSession {
  customerId: string | null;
  code: string;
  startedAt: Date;
  seconds: number | null;
  billedMinutes: number | null;
  notes: string | null;
  operatorName: string | null;
  operator: { name: string } | null;
}

export interface SectionSource {
  kind: ReportKind;
  period: { from: string; to: string };
  granularity: Granularity;
  customers: ReportCustomer[];
  totals: { customerId: string; opening: number; credits: number; debits: number }[];
  entries: SourceEntry[];
  sessions: SourceSession[];
  // With all customers selected, customers with no rows and a zero balance are left out.
  includeIdle: boolean;
}

export const CHART_COLORS = { primary: "#1d4ed8", secondary: "#dc2626" };

function groupBy<T>(items: T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key) ?? [];
    group.push(item);
    groups.set(key, group);
  }

  return groups;
}

/** Builds one section per customer, in the order of `source.customers`. */
export function buildSections(source: SectionSource): ReportSection[] {
  const totalsOf = new Map(source.totals.map((row) => [row.customerId, row]));
  const entriesOf = groupBy(source.entries, (entry) => entry.customerId);
  const sessionsOf = groupBy(source.sessions, (session) => session.customerId);
  const sections: ReportSection[] = [];

  for (const customer of source.customers) {
    const totals = totalsOf.get(customer.id);
    const opening = totals?.opening ?? 0;
    const credits = totals?.credits ?? 0;
    const debits = totals?.debits ?? 0;
    const balances: Balances = { opening, credits, debits, closing: opening + credits - debits };
    const entries = entriesOf.get(customer.id) ?? [];
    const sessions = sessionsOf.get(customer.id) ?? [];
    const section = buildSection(source, customer, balances, entries, sessions);

    const idle = section.rows.length === 0 && opening === 0 && balances.closing === 0;
    if (!idle || source.includeIdle) sections.push(section);
  }

  return sections;
}

function buildSection(
  source: SectionSource,
  customer: ReportCustomer,
  balances: Balances,
  entries: SourceEntry[],
  sessions: SourceSession[],
): ReportSection {
  const chartBase = { period: source.period, granularity: source.granularity };

  if (source.kind === "SESSIONS") {
    const rows: SessionRow[] = sessions.map((session) => ({
      startedAt: session.startedAt,
      code: session.code,
      operator: session.operator?.name ?? session.operatorName,
      seconds: session.seconds ?? 0,
      billedMinutes: session.billedMinutes ?? 0,
      notes: session.notes,
    }));
    const chart = buildChart({
      ...chartBase,
      series: [{ key: "billedMinutes", label: "Minuti fatturati", color: CHART_COLORS.primary }],
      points: rows.map((row) => ({
        at: row.startedAt,
        series: "billedMinutes",
        value: row.billedMinutes,
      })),
    });
    const totals = {
      count: rows.length,
      seconds: sum(rows.map((row) => row.seconds)),
      billedMinutes: sum(rows.map((row) => row.billedMinutes)),
    };

    return { kind: "SESSIONS", customer, balances, chart, rows, totals };
  }

  if (source.kind === "TOP_UPS") {
    const rows: TopUpRow[] = entries
      .filter((entry) => entry.kind !== "SESSION")
      .map((entry) => ({
        occurredAt: entry.occurredAt,
        kind: entry.kind as CreditKind,
        minutes: entry.minutes,
        contract: entry.contract?.number ?? null,
        author: entry.author?.name ?? null,
        comment: entry.comment,
      }));
    const chart = buildChart({
      ...chartBase,
      series: [{ key: "minutes", label: "Minuti caricati", color: CHART_COLORS.primary }],
      points: rows.map((row) => ({ at: row.occurredAt, series: "minutes", value: row.minutes })),
    });
    const byKind: Record<CreditKind, number> = { TOP_UP: 0, POSTPAID_BILLING: 0, ADJUSTMENT: 0 };
    for (const row of rows) byKind[row.kind] += row.minutes;
    const totals = { count: rows.length, minutes: sum(rows.map((row) => row.minutes)), byKind };

    return { kind: "TOP_UPS", customer, balances, chart, rows, totals };
  }

  // The running balance starts from the opening balance and follows the order of occurrence,
  // which can differ from the insertion order that the stored balanceAfter follows.
  let balance = balances.opening;
  const rows: StatementRow[] = entries.map((entry) => {
    balance += entry.minutes;

    return {
      occurredAt: entry.occurredAt,
      kind: entry.kind,
      reference: entry.session?.code ?? entry.contract?.number ?? null,
      comment: entry.comment,
      credit: Math.max(entry.minutes, 0),
      debit: Math.max(-entry.minutes, 0),
      balance,
    };
  });
  const chart = buildChart({
    ...chartBase,
    series: [
      { key: "credits", label: "Accrediti", color: CHART_COLORS.primary },
      { key: "debits", label: "Addebiti", color: CHART_COLORS.secondary },
    ],
    points: rows.map((row) =>
      row.credit > 0
        ? { at: row.occurredAt, series: "credits", value: row.credit }
        : { at: row.occurredAt, series: "debits", value: row.debit },
    ),
  });
  const totals = {
    count: rows.length,
    credits: sum(rows.map((row) => row.credit)),
    debits: sum(rows.map((row) => row.debit)),
  };

  return { kind: "STATEMENT", customer, balances, chart, rows, totals };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
