// Runs one export job: writes the file under EXPORT_DIR (first as <key>.part, renamed when
// complete, so a download never reads half a file) and records progress and the result.
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";

import type { Db } from "@/lib/db/client";
import {
  markExportDone,
  markExportFailed,
  markExportRetrying,
  markExportRunning,
  setExportProgress,
  type ExportJob,
} from "@/lib/db/export-jobs";
import { isAppError } from "@/lib/errors";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";
import { logger } from "@/lib/logger";
import { createCsvWriter } from "@/lib/reports/stream/csv-writer";
import { writeStatementsZip } from "@/lib/reports/stream/statements-zip";
import { streamReport } from "@/lib/reports/stream/stream-report";
import { createXlsxWriter } from "@/lib/reports/stream/xlsx-writer";
import type { ReportBranding } from "@/lib/reports/template";
import { loadReportBranding } from "@/lib/reports/templates/load-branding";

import { exportDir, exportFilePath } from "./export-files";
import { exportParametersSchema } from "./export-parameters";

export interface RunExportOptions {
  // False when the queue will retry the job after an unexpected error.
  finalAttempt: boolean;
  batchSize?: number;
}

// Loads the latest template of the job's report, with labels in the owner's language.
async function exportBranding(db: Db, job: ExportJob): Promise<ReportBranding> {
  const owner = await db.user.findUnique({ where: { id: job.ownerId }, select: { locale: true } });
  const locale = owner && isLocale(owner.locale) ? owner.locale : DEFAULT_LOCALE;

  return loadReportBranding(db, job.report ?? "STATEMENT", locale);
}

// Writes the file of `job` to `path` and returns how many rows or statements it holds.
async function writeExportFile(
  db: Db,
  job: ExportJob,
  path: string,
  branding: ReportBranding,
  onProgress: (done: number, total: number) => Promise<void>,
  batchSize: number | undefined,
): Promise<number> {
  const output = createWriteStream(path);

  try {
    return await writeToOutput(db, job, output, branding, onProgress, batchSize);
  } catch (error) {
    // Closes the file descriptor when a writer stopped before ending the stream.
    output.destroy();
    throw error;
  }
}

async function writeToOutput(
  db: Db,
  job: ExportJob,
  output: WriteStream,
  branding: ReportBranding,
  onProgress: (done: number, total: number) => Promise<void>,
  batchSize: number | undefined,
): Promise<number> {
  const parameters = exportParametersSchema.parse(job.parameters);

  if (job.kind === "STATEMENTS_ZIP") {
    const { statements } = await writeStatementsZip(db, output, {
      from: parameters.from,
      to: parameters.to,
      branding,
      onProgress,
    });
    return statements;
  }

  if (!job.report) throw new Error(`export job ${job.id} has no report kind`);
  const writer =
    job.format === "xlsx" ? createXlsxWriter(output, branding) : createCsvWriter(output);
  const { rows } = await streamReport(
    db,
    {
      kind: job.report,
      from: parameters.from,
      to: parameters.to,
      customerCode: parameters.customerCode,
    },
    writer,
    { branding, onProgress, batchSize },
  );

  return rows;
}

/**
 * Runs the job with id `exportJobId`. A job already done or expired is left alone, so a redelivered
 * queue message does no harm. An AppError (an invalid period, a deleted customer) fails the job at
 * once with its message. Other errors fail it only on the final attempt, and they are rethrown so
 * that the queue retries them.
 */
export async function runExportJob(
  db: Db,
  exportJobId: string,
  options: RunExportOptions,
): Promise<void> {
  const job = await db.exportJob.findUnique({ where: { id: exportJobId } });
  if (!job) {
    logger.warn({ exportJobId }, "export job row not found, nothing to run");
    return;
  }
  if (job.status === "DONE" || job.status === "EXPIRED") return;

  const started = performance.now();
  const fileKey = `${job.id}.${job.format}`;
  const finalPath = exportFilePath(fileKey);
  const partPath = `${finalPath}.part`;
  let lastPercent = 0;
  const onProgress = async (done: number, total: number) => {
    const percent = total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0;
    if (percent <= lastPercent) return;
    lastPercent = percent;
    await setExportProgress(db, job.id, percent);
  };

  await markExportRunning(db, job.id);
  await mkdir(exportDir(), { recursive: true });

  try {
    const branding = await exportBranding(db, job);
    const itemCount = await writeExportFile(
      db,
      job,
      partPath,
      branding,
      onProgress,
      options.batchSize,
    );
    await rename(partPath, finalPath);
    const { size } = await stat(finalPath);
    await markExportDone(db, job.id, {
      fileKey,
      fileBytes: size,
      itemCount,
      templateVersion: branding.templateVersion,
    });
    logger.info(
      {
        exportJobId: job.id,
        userId: job.ownerId,
        kind: job.kind,
        report: job.report,
        format: job.format,
        items: itemCount,
        bytes: size,
        ms: Math.round(performance.now() - started),
      },
      "export job done",
    );
  } catch (error) {
    await rm(partPath, { force: true });
    const context = { exportJobId: job.id, userId: job.ownerId, err: error };
    if (isAppError(error) && error.code !== "INTERNAL") {
      logger.warn(context, "export job rejected");
      await markExportFailed(db, job.id, error);
      return;
    }
    logger.error({ ...context, finalAttempt: options.finalAttempt }, "export job failed");
    if (options.finalAttempt) {
      await markExportFailed(db, job.id, { messageKey: "exports.failed", values: {} });
    } else {
      await markExportRetrying(db, job.id);
    }
    throw error;
  }
}
