// Upkeep of background exports, run once at start and then periodically. Every instance prunes old
// and orphan files, and an instance that runs workers also settles exports interrupted by a
// stopped process.
import type PgBoss from "pg-boss";

import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/logger";

import { pruneExports } from "./prune-exports";
import { recoverInterruptedExports } from "./recover-interrupted-exports";

let timer: NodeJS.Timeout | null = null;
let running = false;

async function runExportMaintenance(db: Db, boss: PgBoss | null): Promise<void> {
  if (boss) {
    try {
      const recovered = await recoverInterruptedExports(db, boss);
      if (recovered.requeued + recovered.failed > 0) {
        logger.info(recovered, "interrupted exports settled");
      }
    } catch (error) {
      logger.error({ err: error }, "check of interrupted exports failed");
    }
  }

  try {
    const pruned = await pruneExports(db);
    if (pruned.expiredJobs + pruned.orphanFiles > 0) logger.info(pruned, "export files pruned");
  } catch (error) {
    logger.error({ err: error }, "export pruning failed");
  }
}

/**
 * Starts the upkeep now and then every `intervalMs`. `boss` is null on an instance without export
 * workers. A run still in progress makes the next tick skip, and the timer does not keep the
 * process alive.
 */
export function startExportMaintenance(db: Db, boss: PgBoss | null, intervalMs: number): void {
  if (timer) return;

  const run = async () => {
    if (running) return;
    running = true;
    try {
      await runExportMaintenance(db, boss);
    } finally {
      running = false;
    }
  };

  void run();
  timer = setInterval(run, intervalMs);
  timer.unref();
}
