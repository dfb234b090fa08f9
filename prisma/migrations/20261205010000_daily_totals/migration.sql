
-- CreateTable
CREATE TABLE "DailyTotal" (
    "day" DATE NOT NULL,
    "customerId" TEXT NOT NULL,
    "operator" TEXT NOT NULL,
    "consumedMinutes" INTEGER NOT NULL DEFAULT 0,
    "soldMinutes" INTEGER NOT NULL DEFAULT 0,
    "adjustedMinutes" INTEGER NOT NULL DEFAULT 0,
    "sessions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DailyTotal_pkey" PRIMARY KEY ("day","customerId","operator")
);

-- CreateTable
CREATE TABLE "DailyOperatorTotal" (
    "day" DATE NOT NULL,
    "operator" TEXT NOT NULL,
    "consumedMinutes" INTEGER NOT NULL DEFAULT 0,
    "soldMinutes" INTEGER NOT NULL DEFAULT 0,
    "adjustedMinutes" INTEGER NOT NULL DEFAULT 0,
    "sessions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DailyOperatorTotal_pkey" PRIMARY KEY ("day","operator")
);

-- CreateTable
CREATE TABLE "MonthlyCustomerTotal" (
    "month" DATE NOT NULL,
    "customerId" TEXT NOT NULL,
    "consumedMinutes" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MonthlyCustomerTotal_pkey" PRIMARY KEY ("month","customerId")
);

-- CreateIndex
CREATE INDEX "DailyTotal_customerId_day_idx" ON "DailyTotal"("customerId", "day");

-- CreateIndex
CREATE INDEX "LedgerEntry_sessionId_idx" ON "LedgerEntry"("sessionId");

-- CreateIndex
CREATE INDEX "LedgerEntry_customerId_kind_sequence_idx" ON "LedgerEntry"("customerId", "kind", "sequence");

-- CreateIndex
CREATE INDEX "LedgerEntry_expiresAt_idx" ON "LedgerEntry"("expiresAt");

-- AddForeignKey
ALTER TABLE "DailyTotal" ADD CONSTRAINT "DailyTotal_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyCustomerTotal" ADD CONSTRAINT "MonthlyCustomerTotal_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Fill the totals of the ledger written before this migration, with the aggregation that
-- lib/db/daily-totals.ts uses for a rebuild.
INSERT INTO "DailyTotal" (
    "day", "customerId", "operator", "consumedMinutes", "soldMinutes", "adjustedMinutes", "sessions"
)
WITH keyed AS (
    SELECT e."customerId", e."kind", e."minutes", e."sessionId",
        (COALESCE(s."startedAt", e."occurredAt") AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Rome')::date AS "day",
        CASE WHEN s."id" IS NULL THEN '' ELSE COALESCE(s."operatorName", u."name", '') END AS "operator"
    FROM "LedgerEntry" e
    LEFT JOIN "Session" s ON s."id" = e."sessionId"
    LEFT JOIN "User" u ON u."id" = s."operatorId"
),
charged AS (
    SELECT "customerId", "day", "operator", "sessionId" FROM keyed
    WHERE "kind" = 'SESSION' AND "sessionId" IS NOT NULL
    GROUP BY "customerId", "day", "operator", "sessionId"
    HAVING SUM("minutes") <> 0
),
changes AS (
    SELECT "day", "customerId", "operator",
        CASE WHEN "kind" = 'SESSION' THEN -"minutes" ELSE 0 END AS "consumedMinutes",
        CASE WHEN "kind" IN ('TOP_UP', 'POSTPAID_BILLING') THEN "minutes" ELSE 0 END AS "soldMinutes",
        CASE WHEN "kind" = 'ADJUSTMENT' THEN "minutes" ELSE 0 END AS "adjustedMinutes",
        0 AS "sessions"
    FROM keyed
    UNION ALL
    SELECT "day", "customerId", "operator", 0, 0, 0, 1 FROM charged
)
SELECT "day", "customerId", "operator", SUM("consumedMinutes")::int, SUM("soldMinutes")::int,
    SUM("adjustedMinutes")::int, SUM("sessions")::int
FROM changes
GROUP BY "day", "customerId", "operator";

INSERT INTO "DailyOperatorTotal" (
    "day", "operator", "consumedMinutes", "soldMinutes", "adjustedMinutes", "sessions"
)
SELECT "day", "operator", SUM("consumedMinutes")::int, SUM("soldMinutes")::int,
    SUM("adjustedMinutes")::int, SUM("sessions")::int
FROM "DailyTotal"
GROUP BY "day", "operator";

INSERT INTO "MonthlyCustomerTotal" ("month", "customerId", "consumedMinutes")
SELECT date_trunc('month', "day"::timestamp)::date, "customerId", SUM("consumedMinutes")::int
FROM "DailyTotal"
GROUP BY 1, 2;
