// The durable job queue: pg-boss 10 on the application's own PostgreSQL database, in the schema
// "pgboss". Jobs are rows, so they survive a restart, and every app instance that runs workers
// takes jobs with SELECT … FOR UPDATE SKIP LOCKED, so each job runs once.
import PgBoss from "pg-boss";
import type pg from "pg";

import { logger } from "@/lib/logger";

export const EXPORT_QUEUE = "export-file";

export interface ExportJobMessage {
  exportJobId: string;
}

// An export that stops reporting back (the process died) is retried after this long.
const EXPORT_EXPIRE_SECONDS = 30 * 60;

/**
 * Starts pg-boss on `pool`. Its queries go through the application's pool instead of a pool of
 * its own, because the embedded database serves every connection on one PostgreSQL session:
 * with DB_POOL_SIZE=1 the app and the queue then take turns on one connection.
 */
export async function startJobQueue(pool: pg.Pool): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: "pgboss",
    // Cron schedules are not used; the clock monitor would only add queries.
    schedule: false,
  });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();
  await boss.createQueue(EXPORT_QUEUE, {
    name: EXPORT_QUEUE,
    policy: "standard",
    retryLimit: 2,
    retryDelay: 30,
    expireInSeconds: EXPORT_EXPIRE_SECONDS,
    retentionDays: 7,
  });

  return boss;
}

const globalForQueue = globalThis as unknown as { jobQueue?: Promise<PgBoss> };

/** Returns the process's started queue, starting it on first use. */
export function getJobQueue(pool: pg.Pool): Promise<PgBoss> {
  globalForQueue.jobQueue ??= startJobQueue(pool).catch((error: unknown) => {
    globalForQueue.jobQueue = undefined;
    throw error;
  });

  return globalForQueue.jobQueue;
}
