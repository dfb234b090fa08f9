// The top-up a percentage low-balance threshold refers to: the customer's newest TOP_UP entry with
// minutes > 0 that is neither a reversal nor reversed. Customer.lastTopUpMinutes caches its
// minutes. The ledger, the check of cached values and the migration that added it use this rule.
import { Prisma } from "./generated/client";

/** Returns a scalar subquery of the last top-up's minutes of the customer whose id is `customerId`. */
export function lastTopUpOf(customerId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT e."minutes" FROM "LedgerEntry" e
    WHERE e."customerId" = ${customerId} AND e."kind" = 'TOP_UP' AND e."minutes" > 0
      AND e."reversesId" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "LedgerEntry" r WHERE r."reversesId" = e."id")
    ORDER BY e."sequence" DESC LIMIT 1`;
}
