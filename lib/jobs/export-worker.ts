// Registers the export worker on a started queue. Each instance runs one export at a time, so
// exports wait in the queue instead of competing with each other for the cores that serve requests.
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
