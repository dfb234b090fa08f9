// Low-balance thresholds for demo customers, chosen after the ledger is planned so that each
// customer's final balance has the status that its profile requires.
import { balanceStatus, type BalanceStatus, lowBalanceMinutes } from "@/lib/domain/ledger";
import { type Random } from "@/lib/domain/random";

import { type CustomerPlan, type PlannedEntry, sumMinutes, type ThresholdKind } from "./plan";

export interface Threshold {
  kind: ThresholdKind;
  value: number;
}

const CANDIDATES: readonly Threshold[] = [
  ...[30, 60, 90, 120, 180, 240, 300, 360, 480, 600, 900].map((value) => ({
    kind: "MINUTES" as const,
    value,
  })),
  ...[10, 15, 20, 25, 30, 40, 50].map((value) => ({
    kind: "PERCENT_OF_LAST_TOP_UP" as const,
    value,
  })),
];

/**
 * Returns a threshold that makes the customer's final balance LOW for a LOW ending and OK for a
 * NORMAL one. Any threshold suits an EXHAUSTED ending. Returns null when the profile needs no
 * threshold, or when every candidate would make a NORMAL customer's balance low.
 */
export function chooseThreshold(
  random: Random,
  customer: CustomerPlan,
  entries: readonly PlannedEntry[],
): Threshold | null {
  if (customer.billingMode !== "PREPAID" || !customer.profile.wantsThreshold) return null;

  const balanceMinutes = sumMinutes(entries);
  const lastTopUpMinutes =
    entries.findLast((entry) => entry.kind === "TOP_UP" && entry.minutes > 0)?.minutes ?? null;
  const statusWith = (threshold: Threshold): BalanceStatus =>
    balanceStatus({
      balanceMinutes,
      billingMode: "PREPAID",
      lowBalanceThreshold: threshold.value,
      lowBalanceKind: threshold.kind,
      lastTopUpMinutes,
    });
  const minutesOf = (threshold: Threshold) =>
    lowBalanceMinutes({
      balanceMinutes,
      billingMode: "PREPAID",
      lowBalanceThreshold: threshold.value,
      lowBalanceKind: threshold.kind,
      lastTopUpMinutes,
    }) ?? Number.POSITIVE_INFINITY;

  const { ending } = customer.profile;
  if (ending === "EXHAUSTED") return random.pick(CANDIDATES.filter((c) => minutesOf(c) <= 300));

  if (ending === "LOW") {
    // The closest thresholds above the balance, as an administrator would have set them.
    const low = CANDIDATES.filter((candidate) => statusWith(candidate) === "LOW").sort(
      (a, b) => minutesOf(a) - minutesOf(b),
    );
    if (low.length > 0) return random.pick(low.slice(0, 2));

    return { kind: "MINUTES", value: (Math.floor(balanceMinutes / 60) + 1) * 60 };
  }

  const ok = CANDIDATES.filter(
    (candidate) => statusWith(candidate) === "OK" && Number.isFinite(minutesOf(candidate)),
  );

  return ok.length > 0 ? random.pick(ok) : null;
}
