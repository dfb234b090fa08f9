// Started once per server process from instrumentation.ts. EXPORT_WORKERS=off lets an instance
// serve requests without running exports; jobs then wait for an instance that runs them.
import { getDb, getPool } from "@/lib/db/client";
import { logger } from "@/lib/logger";

import { startExportMaintenance } from "./export-maintenance";
import { startExportWorker } from "./export-worker";
import { getJobQueue } from "./queue";

// Interval of export file pruning.
const EXPORT_MAINTENANCE_INTERVAL_MS = 10 * 60_000;

export async function startJobWorkers(): Promise<void> {
  startExportMaintenance(getDb(), EXPORT_MAINTENANCE_INTERVAL_MS);

  if (process.env.EXPORT_WORKERS === "off") {
    logger.info("export workers disabled by EXPORT_WORKERS=off");
    return;
  }

  try {
    const boss = await getJobQueue(getPool());
    await startExportWorker(boss, getDb());
    logger.info("export worker started");
  } catch (error) {
    // The app still serves pages; exports stay queued until a worker starts.
    logger.error({ err: error }, "export worker failed to start");
  }
}
