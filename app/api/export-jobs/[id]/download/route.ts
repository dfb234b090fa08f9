// GET /api/export-jobs/:id/download – streams the finished file of a background export (owner or
// admin)
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { getExportJobForUserOrThrow } from "@/lib/db/export-jobs";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/respond";
import { exportFilePath } from "@/lib/jobs/export-files";
import { exportRetentionDays } from "@/lib/jobs/prune-exports";
import { logger } from "@/lib/logger";

export const runtime = "nodejs";

const CONTENT_TYPES: Record<string, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  zip: "application/zip",
};

export const GET = handleRoute(
  "exportJobs.download",
  async (_request: Request, context: { params: Promise<{ id: string }> }) => {
    const user = await requirePermission("viewReports");
    const { id } = await context.params;
    const job = await getExportJobForUserOrThrow(getDb(), id, user);
    if (job.status === "EXPIRED") {
      throw new AppError("GONE", "exports.expired", { values: { days: exportRetentionDays() } });
    }
    if (job.status !== "DONE" || !job.fileKey) {
      throw new AppError("CONFLICT", "exports.notReady", { values: { status: job.status } });
    }

    const path = exportFilePath(job.fileKey);
    const size = await stat(path).then(
      (file) => file.size,
      () => null,
    );
    if (size === null) throw new AppError("NOT_FOUND", "exports.fileMissing");
    logger.info({ userId: user.id, exportJobId: job.id, bytes: size }, "export downloaded");

    const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;

    return new Response(body, {
      headers: {
        "Content-Type": CONTENT_TYPES[job.format] ?? "application/octet-stream",
        "Content-Length": String(size),
        "Content-Disposition": `attachment; filename="${job.fileName ?? job.fileKey}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
