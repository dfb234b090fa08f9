// The customer registry of the demo: companies with their billing mode, contracts, devices and the
// activity profile that the ledger planning follows.
import { type Random } from "@/lib/domain/random";

import { addMonths, type Day, firstOfMonth } from "./calendar";
import { inventCompany } from "./company";
import {
  type ActivityProfile,
  type ContractPlan,
  type CustomerPlan,
  type DemoPeriod,
  type DevicePlan,
  type Ending,
} from "./plan";
import { CONTRACT_NOTES, CUSTOMER_NOTES, DEVICE_LABELS } from "./word-lists";

export const TOP_UP_PACKS = [60, 120, 300, 600, 1200] as const;

// Customers per role in the demo. The remaining ones are prepaid customers with a healthy balance.
export const CUSTOMER_COUNT = 60;
const POSTPAID_COUNT = 12;
const EXHAUSTED_COUNT = 4;
const LOW_COUNT = 4;
const INACTIVE_COUNT = 2;
const JOINED_COUNT = 6;

// Average billed minutes of a demo session, from the duration distribution in sessions.ts.
export const AVERAGE_SESSION_MINUTES = 17;

// What a customer is in the demo: its billing mode, how its year ends, or when it joined or left.
type DemoRole = "POSTPAID" | "EXHAUSTED" | "LOW" | "INACTIVE" | "JOINED" | "REGULAR";

/** Builds the registry: every customer with identity, contracts, devices and profile. */
export function planRegistry(random: Random, period: DemoPeriod): CustomerPlan[] {
  const roles = assignRoles(random);
  const taken = new Set<string>();
  const remoteIds = new Set<string>();
  let codeNumber = 11;

  const customers = roles.map((role) => {
    codeNumber += random.integer(1, 9);
    const identity = inventCompany(random, taken);
    const profile = planProfile(random, role, period);
    const billingMode: CustomerPlan["billingMode"] = role === "POSTPAID" ? "POSTPAID" : "PREPAID";

    return {
      ...identity,
      code: `C${String(codeNumber).padStart(5, "0")}`,
      billingMode,
      notes: random.chance(0.1) ? random.pick(CUSTOMER_NOTES) : null,
      active: role !== "INACTIVE",
      contracts: planContracts(random, role, profile, period),
      devices: planDevices(random, remoteIds),
      profile,
      lowBalanceThreshold: null,
      lowBalanceKind: "MINUTES" as const,
    };
  });

  markReversals(random, customers);

  return customers;
}

function assignRoles(random: Random): DemoRole[] {
  const counts: [DemoRole, number][] = [
    ["POSTPAID", POSTPAID_COUNT],
    ["EXHAUSTED", EXHAUSTED_COUNT],
    ["LOW", LOW_COUNT],
    ["INACTIVE", INACTIVE_COUNT],
    ["JOINED", JOINED_COUNT],
  ];
  const roles: DemoRole[] = counts.flatMap(([role, count]) => Array<DemoRole>(count).fill(role));
  while (roles.length < CUSTOMER_COUNT) roles.push("REGULAR");

  return random.shuffle(roles);
}

function planProfile(random: Random, role: DemoRole, period: DemoPeriod): ActivityProfile {
  // The ending needs enough consumption to run the credit down, so those customers are busier.
  const tier =
    role === "EXHAUSTED" || role === "LOW"
      ? random.pick(["medium", "large"] as const)
      : random.weightedPick([
          ["small", 35],
          ["medium", 45],
          ["large", 20],
        ] as const);
  const sessionsPerDay =
    tier === "small"
      ? 0.06 + random.next() * 0.16
      : tier === "medium"
        ? 0.3 + random.next() * 0.5
        : 1 + random.next();

  const firstDay = role === "JOINED" ? period.firstDay + random.integer(60, 240) : period.firstDay;
  const lastDay = role === "INACTIVE" ? period.anchor - random.integer(60, 120) : period.anchor - 1;
  const ending: Ending = role === "EXHAUSTED" || role === "LOW" ? role : "NORMAL";

  return {
    sessionsPerDay,
    firstDay,
    lastDay,
    pack: packFor(sessionsPerDay),
    ending,
    carriesBalance: role !== "JOINED" && role !== "POSTPAID",
    linksTopUpsToContract: random.chance(0.6),
    creditExpires: random.chance(0.25),
    wantsThreshold: ending !== "NORMAL" || (role !== "POSTPAID" && random.chance(0.55)),
    reversesTopUp: false,
    reversesSession: false,
  };
}

// The smallest pack that lasts about six weeks, or the largest pack for busier customers.
function packFor(sessionsPerDay: number): number {
  const sixWeeks = sessionsPerDay * 30 * AVERAGE_SESSION_MINUTES;

  return TOP_UP_PACKS.find((pack) => pack >= sixWeeks) ?? 1200;
}

function planContracts(
  random: Random,
  role: DemoRole,
  profile: ActivityProfile,
  period: DemoPeriod,
): ContractPlan[] {
  const contract = (startsOn: Day, endsOn: Day | null): ContractPlan => ({
    startsOn,
    endsOn,
    minutesIncluded:
      role !== "POSTPAID" && random.chance(0.5) ? profile.pack * random.pick([1, 2, 4]) : null,
    notes: random.chance(0.2) ? random.pick(CONTRACT_NOTES) : null,
    number: "",
  });
  const earlierStart = firstOfMonth(addMonths(period.firstDay, -random.integer(6, 48)));

  if (role === "JOINED") {
    return [contract(profile.firstDay, random.chance(0.5) ? null : yearAfter(profile.firstDay))];
  }
  if (role === "INACTIVE") {
    return [contract(earlierStart, profile.lastDay)];
  }
  if (random.chance(0.45)) {
    // A contract that ended during the period, renewed the next day.
    const renewedOn = period.firstDay + random.integer(30, 300);
    const renewal = contract(renewedOn, random.chance(0.5) ? null : yearAfter(renewedOn));

    return [contract(earlierStart, renewedOn - 1), renewal];
  }

  return [contract(earlierStart, random.chance(0.7) ? null : yearAfter(period.anchor))];
}

function yearAfter(day: Day): Day {
  return addMonths(day, 12) - 1;
}

function planDevices(random: Random, taken: Set<string>): DevicePlan[] {
  const count = random.weightedPick([
    [1, 30],
    [2, 40],
    [3, 20],
    [4, 10],
  ]);
  const labels = random.shuffle(DEVICE_LABELS).slice(0, count);

  return labels.map((label) => {
    const kind = random.chance(0.7) ? "TEAMVIEWER" : "ANYDESK";
    let remoteId = inventRemoteId(random, kind);
    while (taken.has(`${kind}:${remoteId}`)) remoteId = inventRemoteId(random, kind);
    taken.add(`${kind}:${remoteId}`);

    return { kind, remoteId, label };
  });
}

/** Invents a TeamViewer ID (9 or 10 digits) or an AnyDesk ID (9 digits). */
export function inventRemoteId(random: Random, kind: DevicePlan["kind"]): string {
  const digits = kind === "TEAMVIEWER" && random.chance(0.5) ? 10 : 9;

  return String(random.integer(10 ** (digits - 1), 10 ** digits - 1));
}

// One reversed top-up on a busy prepaid customer and one reversed session on a postpaid one,
// so both kinds of correction appear in statements.
function markReversals(random: Random, customers: CustomerPlan[]) {
  const busyPrepaid = customers.filter(
    (customer) =>
      customer.billingMode === "PREPAID" &&
      customer.profile.ending === "NORMAL" &&
      customer.active &&
      customer.profile.sessionsPerDay >= 0.3,
  );
  const postpaid = customers.filter((customer) => customer.billingMode === "POSTPAID");

  if (busyPrepaid.length > 0) random.pick(busyPrepaid).profile.reversesTopUp = true;
  if (postpaid.length > 0) random.pick(postpaid).profile.reversesSession = true;
}
