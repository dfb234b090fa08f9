// Builds the whole demo data set in memory from an anchor date. Nothing here reads the clock or
// Math.random, so the same anchor always gives the same data.
import { balanceStatus, LEDGER_KINDS, type LedgerKind } from "@/lib/domain/ledger";
import { Random } from "@/lib/domain/random";

import { type Day } from "./calendar";
import { addExpiredBonus } from "./expiry";
import { planCustomerLedger } from "./ledger-plan";
import { numberContracts, numberInvoices } from "./numbering";
import {
  type CustomerPlan,
  type DemoPeriod,
  periodBefore,
  type PlannedEntry,
  type SessionPlan,
  sumMinutes,
} from "./plan";
import { planRegistry } from "./registry";
import {
  planCustomerSessions,
  planRunningSessions,
  planUnassignedSessions,
  SessionCodes,
} from "./sessions";

// The registry draws from its own stream of this seed, so customers keep their names and codes
// whatever the anchor date.
const DEMO_SEED = "assist-billing-demo";

export interface CustomerDemo {
  customer: CustomerPlan;
  // In time order: the order in which they are appended.
  entries: PlannedEntry[];
}

export interface DemoData {
  period: DemoPeriod;
  customers: CustomerDemo[];
  sessions: SessionPlan[];
}

export function planDemoData(anchor: Day): DemoData {
  const period = periodBefore(anchor);
  const random = new Random(DEMO_SEED);
  const registry = planRegistry(random.fork("registry"), period);
  numberContracts(random.fork("contracts"), registry);

  const codes = new SessionCodes();
  const sessions: SessionPlan[] = [];
  const ledgers = registry.map((customer) => {
    // One stream per customer, so each customer's activity does not depend on the others.
    const activity = random.fork(`activity/${customer.code}`);
    const customerSessions = planCustomerSessions(activity, customer, period, codes);
    sessions.push(...customerSessions);

    return { customer, entries: planCustomerLedger(activity, customer, customerSessions, period) };
  });
  numberInvoices(
    random.fork("invoices"),
    ledgers.map(({ customer, entries }) => ({ code: customer.code, entries })),
  );
  const customers = addExpiredBonus(ledgers, period);

  sessions.push(...planUnassignedSessions(random.fork("unassigned"), period, codes));
  sessions.push(
    ...planRunningSessions(
      random.fork("running"),
      runningSessionCustomers(registry),
      period,
      codes,
    ),
  );

  return { period, customers, sessions };
}

// One customer whose credit is used up, to show the operator's warning, and one in good standing.
function runningSessionCustomers(customers: readonly CustomerPlan[]): CustomerPlan[] {
  const exhausted = customers.find((customer) => customer.profile.ending === "EXHAUSTED");
  const healthy = customers.find(
    (customer) =>
      customer.billingMode === "PREPAID" && customer.profile.ending === "NORMAL" && customer.active,
  );

  return [exhausted, healthy].filter((customer): customer is CustomerPlan => Boolean(customer));
}

export interface DemoSummary {
  anchor: string;
  customers: number;
  prepaid: number;
  postpaid: number;
  contracts: number;
  devices: number;
  closedSessions: number;
  runningSessions: number;
  unassignedSessions: number;
  entriesByKind: Record<LedgerKind, number>;
  reversals: number;
  // Prepaid customers whose final balance is at or below zero, or positive but under the threshold.
  exhaustedCustomers: number;
  lowCustomers: number;
}

export function summarizeDemoData(data: DemoData, anchor: string): DemoSummary {
  const entries = data.customers.flatMap(({ entries }) => entries);
  const entriesByKind = Object.fromEntries(
    LEDGER_KINDS.map((kind) => [kind, entries.filter((entry) => entry.kind === kind).length]),
  ) as Record<LedgerKind, number>;
  const statuses = data.customers.map(({ customer, entries }) =>
    balanceStatus({
      balanceMinutes: sumMinutes(entries),
      billingMode: customer.billingMode,
      lowBalanceThreshold: customer.lowBalanceThreshold,
      lowBalanceKind: customer.lowBalanceKind,
      lastTopUpMinutes:
        entries.findLast((entry) => entry.kind === "TOP_UP" && entry.minutes > 0)?.minutes ?? null,
    }),
  );
  const customers = data.customers.map(({ customer }) => customer);

  return {
    anchor,
    customers: customers.length,
    prepaid: customers.filter((customer) => customer.billingMode === "PREPAID").length,
    postpaid: customers.filter((customer) => customer.billingMode === "POSTPAID").length,
    contracts: customers.reduce((sum, customer) => sum + customer.contracts.length, 0),
    devices: customers.reduce((sum, customer) => sum + customer.devices.length, 0),
    closedSessions: data.sessions.filter((session) => session.status === "CLOSED").length,
    runningSessions: data.sessions.filter((session) => session.status === "RUNNING").length,
    unassignedSessions: data.sessions.filter((session) => session.customerCode === null).length,
    entriesByKind,
    reversals: entries.filter((entry) => entry.reverses !== null).length,
    exhaustedCustomers: statuses.filter((status) => status === "EXHAUSTED").length,
    lowCustomers: statuses.filter((status) => status === "LOW").length,
  };
}
