// Rows of background exports: created when a user asks for an export, then moved through
// QUEUED → RUNNING → DONE or FAILED by the worker in lib/jobs/run-export-job.ts. A DONE job
// becomes EXPIRED when lib/jobs/prune-exports.ts deletes its file.
import type { CurrentUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";

import type { Db } from "./client";
import { type ExportJob, type ExportJobKind, Prisma, type ReportKind } from "./generated/client";

export type { ExportJob };

export interface NewExportJob {
  ownerId: string;
  kind: ExportJobKind;
  report: ReportKind | null;
  format: string;
  parameters: Prisma.InputJsonValue;
  fileName: string;
  queueJobId: string;
}

export async function createExportJob(db: Db, input: NewExportJob): Promise<ExportJob> {
  return db.exportJob.create({ data: { ...input, status: "QUEUED" } });
}

/** Lists the newest jobs of one user, newest first. */
export async function listExportJobs(db: Db, ownerId: string, limit = 20): Promise<ExportJob[]> {
  return db.exportJob.findMany({
    where: { ownerId },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
}

/**
 * Returns the job if `user` owns it or is an administrator. Throws NOT_FOUND
 * `exports.jobNotFound` for an unknown id and FORBIDDEN `exports.notOwner` for another user's job.
 */
export async function getExportJobForUserOrThrow(
  db: Db,
  id: string,
  user: Pick<CurrentUser, "id" | "role">,
): Promise<ExportJob> {
  const job = await db.exportJob.findUnique({ where: { id } });
  if (!job) throw new AppError("NOT_FOUND", "exports.jobNotFound", { values: { id } });
  if (job.ownerId !== user.id && user.role !== "ADMIN") {
    throw new AppError("FORBIDDEN", "exports.notOwner");
  }

  return job;
}

export async function markExportRunning(db: Db, id: string): Promise<void> {
  await db.exportJob.update({
    where: { id },
    data: {
      status: "RUNNING",
      progress: 0,
      startedAt: new Date(),
      errorKey: null,
      errorValues: Prisma.DbNull,
    },
  });
}

export async function setExportProgress(db: Db, id: string, progress: number): Promise<void> {
  await db.exportJob.update({ where: { id }, data: { progress } });
}

export async function markExportDone(
  db: Db,
  id: string,
  result: { fileKey: string; fileBytes: number; itemCount: number; templateVersion: number | null },
): Promise<void> {
  await db.exportJob.update({
    where: { id },
    data: { ...result, status: "DONE", progress: 100, finishedAt: new Date() },
  });
}

/** Records a failure; `messageKey` is under `errors.` and is shown translated to the owner. */
export async function markExportFailed(
  db: Db,
  id: string,
  error: { messageKey: string; values: Record<string, string | number> },
): Promise<void> {
  await db.exportJob.update({
    where: { id },
    data: {
      status: "FAILED",
      errorKey: error.messageKey,
      errorValues: error.values,
      finishedAt: new Date(),
    },
  });
}

/** Puts a job back in the queue after an attempt that the queue will retry. */
export async function markExportRetrying(db: Db, id: string): Promise<void> {
  await db.exportJob.update({ where: { id }, data: { status: "QUEUED", progress: 0 } });
}

/** Returns up to `limit` DONE jobs that finished before `finishedBefore`, oldest first. */
export async function listExportsToExpire(
  db: Db,
  finishedBefore: Date,
  limit: number,
): Promise<Pick<ExportJob, "id" | "fileKey">[]> {
  return db.exportJob.findMany({
    where: { status: "DONE", finishedAt: { lt: finishedBefore } },
    orderBy: { finishedAt: "asc" },
    take: limit,
    select: { id: true, fileKey: true },
  });
}

/**
 * Marks a DONE job EXPIRED and clears its file key. Returns false when the job is no longer DONE,
 * for example because another app instance expired it first.
 */
export async function markExportExpired(db: Db, id: string): Promise<boolean> {
  const { count } = await db.exportJob.updateMany({
    where: { id, status: "DONE" },
    data: { status: "EXPIRED", fileKey: null },
  });

  return count === 1;
}

/** Returns the file keys among `fileKeys` that a DONE job still points to. */
export async function findLiveExportFileKeys(db: Db, fileKeys: string[]): Promise<Set<string>> {
  const rows = await db.exportJob.findMany({
    where: { status: "DONE", fileKey: { in: fileKeys } },
    select: { fileKey: true },
  });

  return new Set(rows.map((row) => row.fileKey ?? ""));
}

/** Returns the RUNNING jobs, for the check of exports interrupted by a stopped process. */
export async function listRunningExports(
  db: Db,
): Promise<Pick<ExportJob, "id" | "ownerId" | "queueJobId" | "startedAt">[]> {
  return db.exportJob.findMany({
    where: { status: "RUNNING" },
    select: { id: true, ownerId: true, queueJobId: true, startedAt: true },
  });
}

/**
 * Moves a RUNNING job to the status of `outcome` if it is still the attempt that `job` was read
 * from. A worker that started the job again since then has changed `startedAt`, and the row is
 * left alone. Returns whether the row changed.
 */
export async function settleInterruptedExport(
  db: Db,
  job: Pick<ExportJob, "id" | "startedAt">,
  outcome: { status: "QUEUED" } | { status: "FAILED"; messageKey: string },
): Promise<boolean> {
  const data: Prisma.ExportJobUpdateManyMutationInput =
    outcome.status === "QUEUED"
      ? { status: "QUEUED", progress: 0 }
      : { status: "FAILED", errorKey: outcome.messageKey, errorValues: {}, finishedAt: new Date() };
  const { count } = await db.exportJob.updateMany({
    where: { id: job.id, status: "RUNNING", startedAt: job.startedAt },
    data,
  });

  return count === 1;
}
