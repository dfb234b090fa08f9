// Deletes export files that are no longer needed: files of jobs finished more than
// EXPORT_RETENTION_DAYS ago (their jobs become EXPIRED) and files that no DONE job points to.
// Several app instances may prune the same shared folder at once, so every step tolerates a row
// already expired and a file already deleted by another instance.
import { readdir, rm, stat } from "node:fs/promises";

import type { Db } from "@/lib/db/client";
import {
  findLiveExportFileKeys,
  listExportsToExpire,
  markExportExpired,
} from "@/lib/db/export-jobs";
import { logger } from "@/lib/logger";

import { exportDir, exportFilePath } from "./export-files";

export const DEFAULT_EXPORT_RETENTION_DAYS = 7;

const DAY_MS = 24 * 60 * 60_000;

// A file that no job points to is deleted only after this long. A running export writes
// <key>.part and renames it when complete, and both keep the time of the last write. So the file
// of an export in progress or just finished is younger than this unless a write stalls for a day.
export const ORPHAN_MIN_AGE_MS = DAY_MS;

// Names the worker writes: a job id (a cuid), the format and, while writing, ".part". Other files
// in EXPORT_DIR are never deleted, in case the variable points to a folder shared with other data.
const EXPORT_FILE_NAME = /^([a-z0-9]+\.(?:csv|xlsx|zip))(\.part)?$/;

const EXPIRE_BATCH = 200;

/** Returns EXPORT_RETENTION_DAYS, or the default when the variable is unset or invalid. */
export function exportRetentionDays(): number {
  const value = process.env.EXPORT_RETENTION_DAYS;
  if (value === undefined || value === "") return DEFAULT_EXPORT_RETENTION_DAYS;

  const days = Number(value);
  if (!Number.isInteger(days) || days < 1) {
    logger.warn(
      { value, fallback: DEFAULT_EXPORT_RETENTION_DAYS },
      "EXPORT_RETENTION_DAYS is not a whole number of days of at least 1, using the default",
    );
    return DEFAULT_EXPORT_RETENTION_DAYS;
  }

  return days;
}

export interface PruneResult {
  expiredJobs: number;
  orphanFiles: number;
}

/**
 * Expires the DONE jobs that finished more than `retentionDays` before `now` and deletes their
 * files, then deletes orphan export files older than ORPHAN_MIN_AGE_MS.
 */
export async function pruneExports(
  db: Db,
  options: { now?: Date; retentionDays?: number } = {},
): Promise<PruneResult> {
  const now = options.now ?? new Date();
  const retentionDays = options.retentionDays ?? exportRetentionDays();

  const expiredJobs = await expireOldExports(db, new Date(now.getTime() - retentionDays * DAY_MS));
  const orphanFiles = await deleteOrphanFiles(db, now);

  return { expiredJobs, orphanFiles };
}

// The row is marked first and the file deleted after, so no DONE row outlives its file. A download
// that read the row just before can still find the file gone, and answers 404. A crash between
// the two steps leaves a file that no job points to, which deleteOrphanFiles removes later.
async function expireOldExports(db: Db, finishedBefore: Date): Promise<number> {
  let expired = 0;

  for (;;) {
    const jobs = await listExportsToExpire(db, finishedBefore, EXPIRE_BATCH);
    for (const job of jobs) {
      if (!(await markExportExpired(db, job.id))) continue;
      expired += 1;
      if (job.fileKey) await rm(exportFilePath(job.fileKey), { force: true });
      logger.info({ exportJobId: job.id, fileKey: job.fileKey }, "export file expired");
    }
    if (jobs.length < EXPIRE_BATCH) break;
  }

  return expired;
}

async function deleteOrphanFiles(db: Db, now: Date): Promise<number> {
  const names = await listExportFolder();
  const old: { name: string; fileKey: string }[] = [];
  for (const name of names) {
    const match = EXPORT_FILE_NAME.exec(name);
    if (!match) continue;
    const modified = await modifiedTime(exportFilePath(name));
    if (modified !== null && now.getTime() - modified >= ORPHAN_MIN_AGE_MS) {
      old.push({ name, fileKey: match[1] });
    }
  }
  if (old.length === 0) return 0;

  const live = await findLiveExportFileKeys(
    db,
    old.map((file) => file.fileKey),
  );
  let deleted = 0;
  for (const file of old) {
    // A .part file is never the file of a DONE job, so an old one was left by a stopped attempt.
    const isPart = file.name !== file.fileKey;
    if (!isPart && live.has(file.fileKey)) continue;
    await rm(exportFilePath(file.name), { force: true });
    deleted += 1;
    logger.info({ file: file.name }, "orphan export file deleted");
  }

  return deleted;
}

async function listExportFolder(): Promise<string[]> {
  try {
    return await readdir(exportDir());
  } catch (error) {
    // No export has run yet, so the folder does not exist.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

// Returns the modification time of a regular file, or null when it is not one or is already gone.
async function modifiedTime(path: string): Promise<number | null> {
  try {
    const info = await stat(path);

    return info.isFile() ? info.mtimeMs : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
