// Monthly billing of postpaid customers: on the third working day of each month, one entry
// invoices what the previous month left unpaid, which brings the balance back to zero as of the
// end of that month.
import { type Random } from "@/lib/domain/random";

import { addMonths, addWorkingDays, firstOfMonth, localInstant, partsOfDay } from "./calendar";
import {
  contractIndexOn,
  type CustomerPlan,
  type DemoPeriod,
  plannedEntry,
  type PlannedEntry,
  sumMinutes,
} from "./plan";
import { ITALIAN_MONTHS } from "./word-lists";

/** Returns the billing entries for `entries`, which must be in time order. */
export function planPostpaidBillings(
  random: Random,
  customer: CustomerPlan,
  period: DemoPeriod,
  entries: readonly PlannedEntry[],
): PlannedEntry[] {
  const billings: PlannedEntry[] = [];

  for (
    let monthStart = addMonths(firstOfMonth(period.firstDay), 1);
    monthStart < period.anchor;
    monthStart = addMonths(monthStart, 1)
  ) {
    const billingDay = addWorkingDays(monthStart - 1, 3);
    const occurredAt = localInstant(billingDay, 10 * 3600 + random.integer(0, 3600));
    if (occurredAt >= period.end) break;

    const monthStartInstant = localInstant(monthStart, 0);
    const before = entries.filter((entry) => entry.occurredAt < monthStartInstant);
    const minutes = -(sumMinutes(before) + sumMinutes(billings));
    if (minutes <= 0) continue;

    const billedMonth = partsOfDay(monthStart - 1);
    billings.push(
      plannedEntry({
        kind: "POSTPAID_BILLING",
        minutes,
        occurredAt,
        contractIndex: customer.profile.linksTopUpsToContract
          ? contractIndexOn(customer.contracts, billingDay)
          : null,
        comment: `Consuntivo ${ITALIAN_MONTHS[billedMonth.month - 1]} ${billedMonth.year}`,
        invoiced: true,
        billedMonth: `${billedMonth.year}-${String(billedMonth.month).padStart(2, "0")}`,
      }),
    );
  }

  return billings;
}
