// Rebuilds or checks, against the ledger, the dashboard's per-day totals and each customer's
// cached balanceMinutes and lastTopUpMinutes.
// Run: npm run totals -- rebuild | check   (DATABASE_URL selects the database)
// `check` exits with status 1 and lists the first differences when any value is not exact.
import { createPrismaClient } from "@/lib/db/client";
import {
  findCustomerBalanceDifferences,
  rebuildCustomerBalances,
} from "@/lib/db/customer-balance-check";
import { findDailyTotalDifferences, rebuildDailyTotals } from "@/lib/db/daily-totals";

const SHOWN_DIFFERENCES = 20;

async function main(command: string | undefined): Promise<number> {
  if (command !== "rebuild" && command !== "check") {
    console.error(`Unknown command "${command ?? ""}": use "rebuild" or "check".`);
    return 2;
  }

  const db = createPrismaClient();
  try {
    const started = performance.now();
    if (command === "rebuild") {
      const rows = await rebuildDailyTotals(db);
      console.log(`Daily totals rebuilt: ${rows} rows in ${elapsed(started)}.`);
      const customers = await rebuildCustomerBalances(db);
      console.log(`Customer balances rewritten from the ledger: ${customers}.`);
      return 0;
    }

    const differences = await findDailyTotalDifferences(db);
    const customers = await findCustomerBalanceDifferences(db);
    if (differences.length === 0 && customers.length === 0) {
      console.log(`Daily totals and balances match the ledger (checked in ${elapsed(started)}).`);
      return 0;
    }

    if (differences.length > 0) {
      console.error(`Daily totals differ from the ledger in ${differences.length} rows:`);
      for (const difference of differences.slice(0, SHOWN_DIFFERENCES)) {
        console.error(JSON.stringify(difference));
      }
    }
    if (customers.length > 0) {
      console.error(`Balances differ from the ledger for ${customers.length} customers:`);
      for (const customer of customers.slice(0, SHOWN_DIFFERENCES)) {
        console.error(JSON.stringify(customer));
      }
    }
    console.error('Run "npm run totals -- rebuild" to recompute them from the ledger.');
    return 1;
  } finally {
    await db.$disconnect();
  }
}

function elapsed(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

process.exitCode = await main(process.argv[2]);
