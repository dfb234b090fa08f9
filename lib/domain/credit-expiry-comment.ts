import { formatDate, formatDateTime, formatMinutes } from "@/lib/i18n/format";

import type { DueExpiry } from "./credit-expiry";

/**
 * Returns the comment of an expiry entry, which names the top-up and the minutes that expired. It
 * is stored in Italian, the business language of the ledger, like the other generated comments,
 * and the ledger page shows its own translated text for these entries.
 */
export function expiryComment(
  expiry: Pick<DueExpiry, "minutes" | "topUpOccurredAt" | "topUpMinutes" | "expiresAt">,
): string {
  return (
    `Credito scaduto: ${formatMinutes(expiry.minutes)} minuti non usati della ricarica del ` +
    `${formatDate(expiry.topUpOccurredAt)} (${formatMinutes(expiry.topUpMinutes)} minuti), ` +
    `scaduta il ${formatDateTime(expiry.expiresAt)}`
  );
}
