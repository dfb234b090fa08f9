-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "lastTopUpMinutes" INTEGER;

-- Backfill from the ledger: the newest TOP_UP entry with minutes > 0 that is not a reversal
UPDATE "Customer" c SET "lastTopUpMinutes" = t."minutes"
FROM (
  SELECT DISTINCT ON ("customerId") "customerId", "minutes"
  FROM "LedgerEntry"
  WHERE "kind" = 'TOP_UP' AND "minutes" > 0 AND "reversesId" IS NULL
  ORDER BY "customerId", "sequence" DESC
) t
WHERE t."customerId" = c."id";
