// Started once per server process from instrumentation.ts. EXPORT_WORKERS=off lets an instance
// serve requests without running exports; jobs then wait for an instance that runs them.
import type PgBoss from "pg-boss";

import { getDb, getPool } from "@/lib/db/client";
import { logger } from "@/lib/logger";

import { startExportMaintenance } from "./export-maintenance";
import { startExportWorker } from "./export-worker";
import { getJobQueue } from "./queue";

// Interval of export file pruning and of the check of interrupted exports.
const EXPORT_MAINTENANCE_INTERVAL_MS = 10 * 60_000;

export async function startJobWorkers(): Promise<void> {
  const boss = await startWorker();

  startExportMaintenance(getDb(), boss, EXPORT_MAINTENANCE_INTERVAL_MS);
}

// Returns the started queue, or null when this instance runs no export worker.
async function startWorker(): Promise<PgBoss | null> {
  if (process.env.EXPORT_WORKERS === "off") {
    logger.info("export workers disabled by EXPORT_WORKERS=off");
    return null;
  }

  try {
    const boss = await getJobQueue(getPool());
    await startExportWorker(boss, getDb());
    logger.info("export worker started");

    return boss;
  } catch (error) {
    // The app still serves pages; exports stay queued until a worker starts.
    logger.error({ err: error }, "export worker failed to start");

    return null;
  }
}
