// The demo data as plain objects, built in memory before anything is written, with the helpers
// that the planning steps share.
import type { LedgerKind } from "@/lib/domain/ledger";
import { type Random } from "@/lib/domain/random";

import { addMonths, type Day, localInstant, workingDaysBetween } from "./calendar";
import type { CompanyIdentity } from "./company";

export interface DemoPeriod {
  // The data ends where this day starts in the business time zone.
  anchor: Day;
  // Twelve months before the anchor: the first day with data.
  firstDay: Day;
  lastWorkingDay: Day;
  start: Date;
  end: Date;
}

export function periodBefore(anchor: Day): DemoPeriod {
  const firstDay = addMonths(anchor, -12);
  const workingDays = workingDaysBetween(firstDay, anchor - 1);

  return {
    anchor,
    firstDay,
    lastWorkingDay: workingDays[workingDays.length - 1],
    start: localInstant(firstDay, 0),
    end: localInstant(anchor, 0),
  };
}

export type Ending = "EXHAUSTED" | "LOW" | "NORMAL";
export type ThresholdKind = "MINUTES" | "PERCENT_OF_LAST_TOP_UP";

export interface ActivityProfile {
  sessionsPerDay: number;
  // Days with sessions, both included.
  firstDay: Day;
  lastDay: Day;
  // Minutes of the pack the customer usually buys.
  pack: number;
  // Whether the prepaid balance ends positive, low or at or below zero.
  ending: Ending;
  // Customers already served before the period start with their residual minutes.
  carriesBalance: boolean;
  linksTopUpsToContract: boolean;
  creditExpires: boolean;
  wantsThreshold: boolean;
  reversesTopUp: boolean;
  reversesSession: boolean;
}

export interface ContractPlan {
  startsOn: Day;
  endsOn: Day | null;
  minutesIncluded: number | null;
  notes: string | null;
  // "2026/014", assigned once all contracts are known because numbers follow start dates.
  number: string;
}

export interface DevicePlan {
  kind: "TEAMVIEWER" | "ANYDESK";
  remoteId: string;
  label: string;
}

export interface CustomerPlan extends CompanyIdentity {
  code: string;
  billingMode: "PREPAID" | "POSTPAID";
  notes: string | null;
  active: boolean;
  contracts: ContractPlan[];
  devices: DevicePlan[];
  profile: ActivityProfile;
  // Set once the ledger is planned, from the final balance.
  lowBalanceThreshold: number | null;
  lowBalanceKind: ThresholdKind;
}

export interface SessionPlan {
  code: string;
  customerCode: string | null;
  status: "RUNNING" | "CLOSED";
  source: "API" | "MANUAL" | "IMPORT";
  startedAt: Date;
  endedAt: Date | null;
  seconds: number | null;
  billedMinutes: number | null;
  operatorName: string;
  // Sessions of the demo operator link to its user account. The others carry only a name.
  byDemoOperator: boolean;
  remoteDeviceId: string | null;
  notes: string | null;
  exhaustedCredit: "CONTINUE" | null;
}

export interface PlannedEntry {
  kind: LedgerKind;
  minutes: number;
  occurredAt: Date;
  sessionCode: string | null;
  // Index into the customer's contracts.
  contractIndex: number | null;
  comment: string | null;
  expiresAt: Date | null;
  // Whether an invoice number is due: top-ups and postpaid billings are invoiced.
  invoiced: boolean;
  invoiceReference: string | null;
  reverses: PlannedEntry | null;
  // The top-up whose unused minutes this automatic adjustment removes.
  expires: PlannedEntry | null;
  // The month (yyyy-mm) a postpaid billing bills, which names it in the monthly close.
  billedMonth: string | null;
}

/** Creates a planned entry with the optional fields empty unless given. */
export function plannedEntry(
  fields: Pick<PlannedEntry, "kind" | "minutes" | "occurredAt"> & Partial<PlannedEntry>,
): PlannedEntry {
  return {
    sessionCode: null,
    contractIndex: null,
    comment: null,
    expiresAt: null,
    invoiced: false,
    invoiceReference: null,
    reverses: null,
    expires: null,
    billedMonth: null,
    ...fields,
  };
}

// Array.prototype.sort is stable, so entries at the same instant keep their planned order.
export function compareEntries(a: PlannedEntry, b: PlannedEntry): number {
  return a.occurredAt.getTime() - b.occurredAt.getTime();
}

export function sumMinutes(entries: readonly PlannedEntry[]): number {
  return entries.reduce((sum, entry) => sum + entry.minutes, 0);
}

/** Returns a random instant within office hours (08:30-12:30, 14:00-18:00) on `day`. */
export function officeTimeOn(random: Random, day: Day): Date {
  const morning = random.chance(0.55);
  const second = morning ? random.integer(30_600, 45_000) : random.integer(50_400, 64_800);

  return localInstant(day, second);
}

/** Returns the index of the contract in force on `day`, or null when there is none. */
export function contractIndexOn(contracts: readonly ContractPlan[], day: Day): number | null {
  const index = contracts.findIndex(
    (contract) => contract.startsOn <= day && (contract.endsOn === null || day <= contract.endsOn),
  );

  return index === -1 ? null : index;
}
