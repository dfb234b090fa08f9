import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { commitOpeningBalances } from "@/lib/db/opening-balances";
import { readOpeningBalanceRequest } from "@/lib/imports/opening-balance-request";
import { streamProgress } from "@/lib/http/progress-stream";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";

// POST /api/imports/opening-balances/commit – records one entry per row, streaming its progress
export const POST = handleRoute("imports.openingBalances.commit", async (request: Request) => {
  const user = await requirePermission("importOpeningBalances");
  const input = await readOpeningBalanceRequest(request);
  const context = {
    route: "imports.openingBalances.commit",
    userId: user.id,
    fileName: input.fileName,
  };

  return streamProgress(async (report) => {
    const counts = await commitOpeningBalances(getDb(), {
      ...input,
      actorId: user.id,
      onProgress: report,
    });
    logger.info({ ...context, ...counts }, "opening balances imported");

    return { counts };
  }, context);
});
