// Registers the export worker on a started queue. Each instance runs one export at a time, so a
// long export never takes more than one core from the requests the instance serves.
import type PgBoss from "pg-boss";

import type { Db } from "@/lib/db/client";

import { EXPORT_QUEUE, type ExportJobMessage } from "./queue";
import { runExportJob, type RunExportOptions } from "./run-export-job";

export async function startExportWorker(
  boss: PgBoss,
  db: Db,
  options: { pollingIntervalSeconds?: number } & Pick<RunExportOptions, "batchSize"> = {},
): Promise<string> {
  return boss.work<ExportJobMessage>(
    EXPORT_QUEUE,
    {
      batchSize: 1,
      includeMetadata: true,
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
    },
    async ([job]) => {
      await runExportJob(db, job.data.exportJobId, {
        finalAttempt: job.retryCount >= job.retryLimit,
        batchSize: options.batchSize,
      });
    },
  );
}
