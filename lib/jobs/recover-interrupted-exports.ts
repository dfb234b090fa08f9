// Settles ExportJob rows left RUNNING by a process that stopped while it ran them.
//
// The queue owns the retry policy (retryLimit and expireInSeconds in ./queue.ts), so each row
// follows the state of its pg-boss job instead of a timer of its own:
// - "active": left alone. Another instance may be running it right now, because pg-boss does not
//   record which process runs a job. If that process died, pg-boss expires the job after
//   expireInSeconds and either retries it or fails it, and a later run of this check follows.
// - "created" or "retry": the queue runs the job again, so the row shows QUEUED until it starts.
// - any other state, or no job (archived or deleted): no attempt is left, so the row becomes FAILED
//   with `exports.interrupted`. This is the case of a final attempt that expired: the handler
//   never ran its catch block, so without this check the row would stay RUNNING forever.
import type PgBoss from "pg-boss";

import type { Db } from "@/lib/db/client";
import { listRunningExports, settleInterruptedExport } from "@/lib/db/export-jobs";
import { logger } from "@/lib/logger";

import { EXPORT_QUEUE } from "./queue";

export interface RecoveryResult {
  requeued: number;
  failed: number;
}

/** Moves RUNNING rows whose queue job is no longer active to QUEUED or FAILED. */
export async function recoverInterruptedExports(db: Db, boss: PgBoss): Promise<RecoveryResult> {
  const result: RecoveryResult = { requeued: 0, failed: 0 };

  for (const job of await listRunningExports(db)) {
    // Limitation: rows queued before the queue job id was stored have no id to look up, so they
    // change only when the queue starts them again.
    if (!job.queueJobId) continue;

    const queueJob = await boss.getJobById(EXPORT_QUEUE, job.queueJobId);
    const state = queueJob?.state ?? null;
    if (state === "active") continue;

    const requeue = state === "created" || state === "retry";
    const changed = await settleInterruptedExport(
      db,
      job,
      requeue ? { status: "QUEUED" } : { status: "FAILED", messageKey: "exports.interrupted" },
    );
    if (!changed) continue;

    if (requeue) result.requeued += 1;
    else result.failed += 1;
    logger.warn(
      { exportJobId: job.id, userId: job.ownerId, queueJobId: job.queueJobId, queueState: state },
      requeue ? "interrupted export queued again" : "interrupted export failed",
    );
  }

  return result;
}
