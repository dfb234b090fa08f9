// Seeds demo data on start (scripts/start.mjs runs this after the migrations). It does nothing
// when DEMO_DATA=off or when the database already has a user.
import { createPrismaClient } from "@/lib/db/client";

import { DEMO_ACCOUNTS } from "./accounts";
import { resolveAnchor, seedDemoData } from "./demo-data";
import type { DemoSummary } from "./demo-plan";

async function main() {
  const setting = (process.env.DEMO_DATA ?? "on").toLowerCase();
  if (setting === "off") {
    console.log("Demo data: skipped because DEMO_DATA=off.");
    console.log("  On an empty database, open /setup to create the first administrator.");
    return;
  }
  if (setting !== "on") {
    throw new Error(`Invalid DEMO_DATA "${process.env.DEMO_DATA}": use "on" or "off".`);
  }

  const anchor = resolveAnchor(process.env.DEMO_ANCHOR_DATE);
  const db = createPrismaClient();
  try {
    const started = performance.now();
    const result = await seedDemoData(db, { anchor });
    if (!result.seeded) {
      console.log("Demo data: skipped because the database already has users.");
      return;
    }

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    printSummary(result.summary, seconds);
  } finally {
    await db.$disconnect();
  }
}

function printSummary(summary: DemoSummary, seconds: string) {
  const kinds = Object.entries(summary.entriesByKind)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(", ");

  console.log(`Demo data: inserted the twelve months before ${summary.anchor} in ${seconds} s.`);
  console.log(
    `  ${summary.customers} customers (${summary.prepaid} prepaid, ` +
      `${summary.postpaid} postpaid), ${summary.contracts} contracts, ${summary.devices} devices`,
  );
  console.log(
    `  ${summary.closedSessions} closed sessions, ${summary.runningSessions} running, ` +
      `${summary.unassignedSessions} without a customer`,
  );
  console.log(`  ledger entries: ${kinds} (${summary.reversals} reversals)`);
  console.log(
    `  prepaid customers at or below zero: ${summary.exhaustedCustomers}, ` +
      `below their threshold: ${summary.lowCustomers}`,
  );
  console.log("  Sign in with:");
  for (const account of DEMO_ACCOUNTS) {
    console.log(`    ${account.role.padEnd(8)} ${account.email} / ${account.password}`);
  }
}

main().catch((error: unknown) => {
  console.error(`Demo data failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
