-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "lastTopUpMinutes" INTEGER;

-- Backfill from the ledger: the newest TOP_UP entry with minutes > 0 that is neither a reversal
-- nor reversed, the rule of lib/db/last-top-up.ts
UPDATE "Customer" c SET "lastTopUpMinutes" = t."minutes"
FROM (
  SELECT DISTINCT ON (e."customerId") e."customerId", e."minutes"
  FROM "LedgerEntry" e
  WHERE e."kind" = 'TOP_UP' AND e."minutes" > 0 AND e."reversesId" IS NULL
    AND NOT EXISTS (SELECT 1 FROM "LedgerEntry" r WHERE r."reversesId" = e."id")
  ORDER BY e."customerId", e."sequence" DESC
) t
WHERE t."customerId" = c."id";
