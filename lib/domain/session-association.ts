// Association of a new session with its customer and contract, decided from rows the caller has
// loaded.
import { BUSINESS_TIME_ZONE } from "@/lib/i18n/config";

/**
 * Returns the customer that owns every device in `devices`, or null when there is none or when
 * they belong to different customers. A remote ID registered for two customers (say a TeamViewer
 * ID and an AnyDesk ID that happen to be equal) cannot tell them apart, so the session goes to the
 * "to assign" inbox and an operator decides.
 */
export function customerOfDevices(devices: readonly { customerId: string }[]): string | null {
  const customers = new Set(devices.map((device) => device.customerId));

  return customers.size === 1 ? [...customers][0] : null;
}

export interface ContractPeriod {
  id: string;
  // Calendar dates stored as UTC midnight (PostgreSQL `date`).
  startsOn: Date;
  endsOn: Date | null;
}

const businessDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: BUSINESS_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * Returns the id of the contract in effect at `at`, or null. A contract is in effect from its
 * start date to its end date inclusive, both read as calendar days in the business time zone.
 * When several overlap, the one that started last wins, because a renewal usually starts before
 * the old contract's end date has passed.
 */
export function contractInEffect(contracts: readonly ContractPeriod[], at: Date): string | null {
  const day = businessDate.format(at);
  const candidates = contracts.filter((contract) => {
    const starts = contract.startsOn.toISOString().slice(0, 10);
    const ends = contract.endsOn?.toISOString().slice(0, 10);

    return starts <= day && (ends === undefined || day <= ends);
  });
  candidates.sort((a, b) => b.startsOn.getTime() - a.startsOn.getTime() || (a.id < b.id ? -1 : 1));

  return candidates[0]?.id ?? null;
}
