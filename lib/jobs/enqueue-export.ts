// Checks an export request, records its ExportJob row and puts it in the queue.
import { randomUUID } from "node:crypto";

import type PgBoss from "pg-boss";

import type { CurrentUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { createExportJob, markExportFailed, type ExportJob } from "@/lib/db/export-jobs";
import { getReportCustomerOrThrow } from "@/lib/db/reports";
import { resolvePeriod } from "@/lib/domain/periods";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { ExportJobRequest } from "@/lib/validations/export-job";
import { exportFileName, REPORT_SLUGS } from "@/lib/validations/report";

import type { ExportParameters } from "./export-parameters";
import { EXPORT_QUEUE, type ExportJobMessage } from "./queue";

/**
 * Validates `request` for `user` and enqueues it. Throws VALIDATION for an invalid period,
 * NOT_FOUND `reports.customerNotFound` for an unknown customer and FORBIDDEN when a non-admin requests
 * the statements ZIP. Nothing is stored when a check fails.
 */
export async function enqueueExport(
  db: Db,
  boss: PgBoss,
  user: Pick<CurrentUser, "id" | "role">,
  request: ExportJobRequest,
): Promise<ExportJob> {
  const period = resolvePeriod({ from: request.from, to: request.to });
  const base = { from: period.from, to: period.to };
  // The queue job id is stored before the job is sent, so a crash cannot leave a queue job that no
  // row names. lib/jobs/recover-interrupted-exports.ts looks jobs up by this id.
  const queueJobId = randomUUID();

  let job: ExportJob;
  if (request.type === "statements-zip") {
    if (!can(user.role, "exportAllStatements")) throw new AppError("FORBIDDEN", "auth.forbidden");
    const parameters: ExportParameters = { ...base, customerCode: null, granularity: null };
    job = await createExportJob(db, {
      ownerId: user.id,
      kind: "STATEMENTS_ZIP",
      report: "STATEMENT",
      format: "zip",
      parameters: { ...parameters },
      fileName: `estratti-conto_${period.from}_${period.to}.zip`,
      queueJobId,
    });
  } else {
    if (request.customer) await getReportCustomerOrThrow(db, request.customer);
    const parameters: ExportParameters = {
      ...base,
      customerCode: request.customer,
      granularity: request.granularity ?? null,
    };
    job = await createExportJob(db, {
      ownerId: user.id,
      kind: "REPORT",
      report: REPORT_SLUGS[request.report],
      format: request.format,
      parameters: { ...parameters },
      fileName: exportFileName(request),
      queueJobId,
    });
  }

  try {
    const message: ExportJobMessage = { exportJobId: job.id };
    await boss.send(EXPORT_QUEUE, message, { id: queueJobId });
  } catch (error) {
    logger.error({ err: error, exportJobId: job.id, userId: user.id }, "export job not queued");
    await markExportFailed(db, job.id, { messageKey: "exports.notQueued", values: {} });
    throw new AppError("INTERNAL", "exports.notQueued", { cause: error });
  }
  logger.info(
    { exportJobId: job.id, userId: user.id, kind: job.kind, format: job.format, ...base },
    "export job queued",
  );

  return job;
}
