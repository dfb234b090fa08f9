import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { commitRegistryImport } from "@/lib/db/registry-import";
import { readRegistryImportRequest } from "@/lib/imports/registry-request";
import { streamProgress } from "@/lib/http/progress-stream";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";

// POST /api/imports/registry/commit – writes the file in one transaction, streaming its progress
export const POST = handleRoute("imports.registry.commit", async (request: Request) => {
  const user = await requirePermission("importRegistry");
  const input = await readRegistryImportRequest(request);
  const context = { route: "imports.registry.commit", userId: user.id, fileName: input.fileName };

  return streamProgress(async (report) => {
    const counts = await commitRegistryImport(getDb(), {
      ...input,
      actorId: user.id,
      onProgress: report,
    });
    logger.info({ ...context, ...counts }, "registry import committed");

    return { counts };
  }, context);
});
