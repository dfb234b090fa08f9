-- AlterTable
ALTER TABLE "MonthlyCustomerTotal" ADD COLUMN     "consumedThroughDay" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- CreateTable
CREATE TABLE "CustomerRunningTotal" (
    "customerId" TEXT NOT NULL,
    "firstMonth" DATE NOT NULL,
    "consumedThroughMonth" INTEGER[],

    CONSTRAINT "CustomerRunningTotal_pkey" PRIMARY KEY ("customerId")
);

-- CreateIndex
CREATE INDEX "MonthlyCustomerTotal_customerId_month_idx" ON "MonthlyCustomerTotal"("customerId", "month");

-- AddForeignKey
ALTER TABLE "CustomerRunningTotal" ADD CONSTRAINT "CustomerRunningTotal_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Fill both rollups from DailyTotal with the statements of lib/db/customer-rollups.ts.
WITH scope AS (
    SELECT DISTINCT "customerId", date_trunc('month', "day"::timestamp)::date AS "month"
    FROM "DailyTotal" WHERE "consumedMinutes" <> 0
),
days AS (
    SELECT s."customerId", s."month", g."day"::date AS "day"
    FROM scope s
    CROSS JOIN LATERAL generate_series(s."month",
        s."month" + INTERVAL '1 month' - INTERVAL '1 day', INTERVAL '1 day') AS g("day")
),
daily AS (
    SELECT t."customerId", t."day", SUM(t."consumedMinutes") AS "minutes"
    FROM scope s
    JOIN "DailyTotal" t ON t."customerId" = s."customerId"
        AND date_trunc('month', t."day"::timestamp)::date = s."month"
        AND t."day" >= s."month" AND t."day" < s."month" + INTERVAL '1 month'
    GROUP BY t."customerId", t."day"
),
running AS (
    SELECT d."customerId", d."month", d."day",
        SUM(COALESCE(t."minutes", 0))
            OVER (PARTITION BY d."customerId", d."month" ORDER BY d."day") AS "through",
        COALESCE(t."minutes", 0) AS "minutes"
    FROM days d
    LEFT JOIN daily t ON t."customerId" = d."customerId" AND t."day" = d."day"
)
INSERT INTO "MonthlyCustomerTotal" ("month", "customerId", "consumedMinutes", "consumedThroughDay")
SELECT "month", "customerId", SUM("minutes")::int, array_agg("through"::int ORDER BY "day")
FROM running
GROUP BY "month", "customerId"
ON CONFLICT ("month", "customerId") DO UPDATE SET
    "consumedMinutes" = EXCLUDED."consumedMinutes",
    "consumedThroughDay" = EXCLUDED."consumedThroughDay";

WITH totals AS (
    SELECT m."customerId", m."month", m."consumedMinutes" FROM "MonthlyCustomerTotal" m
),
bounds AS (
    SELECT "customerId", MIN("month") AS "first", MAX("month") AS "last"
    FROM totals GROUP BY "customerId"
),
months AS (
    SELECT b."customerId", b."first", g."month"::date AS "month"
    FROM bounds b
    CROSS JOIN LATERAL generate_series(b."first", b."last", INTERVAL '1 month') AS g("month")
),
running AS (
    SELECT mo."customerId", mo."first", mo."month",
        SUM(COALESCE(m."consumedMinutes", 0))
            OVER (PARTITION BY mo."customerId" ORDER BY mo."month") AS "through"
    FROM months mo
    LEFT JOIN totals m ON m."customerId" = mo."customerId" AND m."month" = mo."month"
)
INSERT INTO "CustomerRunningTotal" ("customerId", "firstMonth", "consumedThroughMonth")
SELECT "customerId", "first", array_agg("through"::int ORDER BY "month")
FROM running
GROUP BY "customerId", "first";
