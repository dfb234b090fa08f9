// Upkeep of background exports, run once at start and then periodically on every instance: files
// of old jobs and orphan files are pruned.
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/logger";

import { pruneExports } from "./prune-exports";

let timer: NodeJS.Timeout | null = null;
let running = false;

async function runExportMaintenance(db: Db): Promise<void> {
  try {
    const pruned = await pruneExports(db);
    if (pruned.expiredJobs + pruned.orphanFiles > 0) logger.info(pruned, "export files pruned");
  } catch (error) {
    logger.error({ err: error }, "export pruning failed");
  }
}

/**
 * Starts the upkeep now and then every `intervalMs`. A run still in progress makes the next tick
 * skip, and the timer does not keep the process alive.
 */
export function startExportMaintenance(db: Db, intervalMs: number): void {
  if (timer) return;

  const run = async () => {
    if (running) return;
    running = true;
    try {
      await runExportMaintenance(db);
    } finally {
      running = false;
    }
  };

  void run();
  timer = setInterval(run, intervalMs);
  timer.unref();
}
