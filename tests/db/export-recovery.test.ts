import { randomUUID } from "node:crypto";

import pg from "pg";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inject } from "vitest";

import { createPrismaClient, type Db } from "@/lib/db/client";
import { markExportRunning, settleInterruptedExport } from "@/lib/db/export-jobs";
import { EXPORT_QUEUE, startJobQueue } from "@/lib/jobs/queue";
import { recoverInterruptedExports } from "@/lib/jobs/recover-interrupted-exports";

import { createExportUser } from "./export-fixtures";
import { resetDatabase } from "./helpers";

let pool: pg.Pool;
let db: Db;
let boss: PgBoss;
let ownerId: string;

// The queue and the data share one connection, as the app does on the embedded database.
beforeAll(async () => {
  pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
  db = createPrismaClient(undefined, pool);
  boss = await startJobQueue(pool);
});

beforeEach(async () => {
  await resetDatabase();
  // Queue jobs left by other tests would be fetched before the ones a test sends.
  await pool.query("DELETE FROM pgboss.job WHERE name = $1", [EXPORT_QUEUE]);
  ownerId = (await createExportUser(db, "MANAGER")).id;
});

afterAll(async () => {
  await boss.stop({ graceful: false, wait: true, timeout: 5000 });
  await db.$disconnect();
  await pool.end();
});

// Creates a RUNNING export row whose queue job has the id `queueJobId`.
async function createRunningExport(queueJobId: string | null) {
  const job = await db.exportJob.create({
    data: {
      ownerId,
      kind: "REPORT",
      report: "SESSIONS",
      format: "csv",
      parameters: { from: "2026-11-01", to: "2026-11-30", customerCode: null, granularity: null },
      fileName: "teleassistenze.csv",
      queueJobId,
    },
  });
  await markExportRunning(db, job.id);

  return db.exportJob.findUniqueOrThrow({ where: { id: job.id } });
}

// Sends and fetches a queue job, as a worker does before the export starts. Nothing completes or
// fails the job afterwards, as when the process that fetched it dies.
async function startQueueJob(options: { retryLimit: number; expireInSeconds?: number }) {
  const id = randomUUID();
  await boss.send(EXPORT_QUEUE, { exportJobId: "unused" }, { id, retryDelay: 60, ...options });
  const [fetched] = await boss.fetch(EXPORT_QUEUE);
  expect(fetched?.id).toBe(id);

  return id;
}

// Lets pg-boss expire the fetched jobs whose expireInSeconds has passed.
async function expireQueueJobs(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  await boss.maintain();
}

async function statusOf(id: string) {
  return db.exportJob.findUniqueOrThrow({ where: { id } });
}

describe("interrupted export recovery", () => {
  it("queues a job again when the queue retries it", async () => {
    const queueJobId = await startQueueJob({ retryLimit: 1, expireInSeconds: 1 });
    const job = await createRunningExport(queueJobId);
    await expireQueueJobs();

    const result = await recoverInterruptedExports(db, boss);
    const row = await statusOf(job.id);

    expect((await boss.getJobById(EXPORT_QUEUE, queueJobId))?.state).toBe("retry");
    expect(result).toEqual({ requeued: 1, failed: 0 });
    expect(row.status).toBe("QUEUED");
    expect(row.progress).toBe(0);
    expect(row.errorKey).toBeNull();
  });

  it("fails a job whose last attempt expired", async () => {
    const queueJobId = await startQueueJob({ retryLimit: 0, expireInSeconds: 1 });
    const job = await createRunningExport(queueJobId);
    await expireQueueJobs();

    const result = await recoverInterruptedExports(db, boss);
    const row = await statusOf(job.id);

    expect((await boss.getJobById(EXPORT_QUEUE, queueJobId))?.state).toBe("failed");
    expect(result).toEqual({ requeued: 0, failed: 1 });
    expect(row.status).toBe("FAILED");
    expect(row.errorKey).toBe("exports.interrupted");
    expect(row.finishedAt).not.toBeNull();
  });

  it("fails a job whose queue job is gone", async () => {
    const job = await createRunningExport(randomUUID());

    const result = await recoverInterruptedExports(db, boss);
    const row = await statusOf(job.id);

    expect(result.failed).toBe(1);
    expect(row.status).toBe("FAILED");
    expect(row.errorKey).toBe("exports.interrupted");
  });

  it("leaves a job that is still active", async () => {
    const queueJobId = await startQueueJob({ retryLimit: 2 });
    const job = await createRunningExport(queueJobId);

    const result = await recoverInterruptedExports(db, boss);
    const row = await statusOf(job.id);

    expect(result).toEqual({ requeued: 0, failed: 0 });
    expect(row.status).toBe("RUNNING");
  });

  it("leaves a job without a queue job id", async () => {
    const job = await createRunningExport(null);

    await recoverInterruptedExports(db, boss);

    expect((await statusOf(job.id)).status).toBe("RUNNING");
  });

  it("leaves a job that a worker started again", async () => {
    const read = await createRunningExport(randomUUID());
    // Between the check's read and its write, a worker starts the next attempt of the job.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await markExportRunning(db, read.id);

    const changed = await settleInterruptedExport(db, read, {
      status: "FAILED",
      messageKey: "exports.interrupted",
    });
    const row = await statusOf(read.id);

    expect(changed).toBe(false);
    expect(row.status).toBe("RUNNING");
    expect(row.errorKey).toBeNull();
  });
});
