// DELETE /api/api-keys/:id – revokes an API key; the row stays for the audit trail
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { revokeApiKey } from "@/lib/db/api-keys";
import { getDb } from "@/lib/db/client";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";

export const DELETE = handleRoute(
  "api-keys.revoke",
  async (_request: Request, context: { params: Promise<{ id: string }> }) => {
    const user = await requirePermission("manageApiKeys");
    const { id } = await context.params;

    const apiKey = await revokeApiKey(getDb(), { id, actorId: user.id });
    logger.info({ userId: user.id, apiKeyId: apiKey.id }, "API key revoked");

    return NextResponse.json({ apiKey });
  },
);
