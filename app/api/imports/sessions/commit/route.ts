import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { commitSessionImport } from "@/lib/db/session-import";
import { readSessionImportRequest } from "@/lib/imports/session-request";
import { streamProgress } from "@/lib/http/progress-stream";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";

// POST /api/imports/sessions/commit – imports the file in one transaction, streaming its progress
export const POST = handleRoute("imports.sessions.commit", async (request: Request) => {
  const user = await requirePermission("importSessions");
  const upload = await readSessionImportRequest(request);
  const context = { route: "imports.sessions.commit", userId: user.id, fileName: upload.fileName };

  return streamProgress(async (report) => {
    const result = await commitSessionImport(getDb(), {
      ...upload,
      actorId: user.id,
      onProgress: report,
    });
    logger.info(
      { ...context, ...result.counts, billedMinutes: result.billedMinutes, ms: result.elapsedMs },
      "session import committed",
    );

    return result;
  }, context);
});
