// GET /api/api-keys – lists API keys; POST /api/api-keys – creates one and returns its secret once
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { createApiKey, listApiKeys } from "@/lib/db/api-keys";
import { getDb } from "@/lib/db/client";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { apiKeyInputSchema } from "@/lib/validations/api-key";

export const GET = handleRoute("api-keys.list", async () => {
  await requirePermission("manageApiKeys");

  const keys = await listApiKeys(getDb());

  return NextResponse.json({ keys }, { headers: { "Cache-Control": "no-store" } });
});

export const POST = handleRoute("api-keys.create", async (request: Request) => {
  const user = await requirePermission("manageApiKeys");
  const input = apiKeyInputSchema.parse(await request.json().catch(() => ({})));

  const { apiKey, secret } = await createApiKey(getDb(), { ...input, actorId: user.id });
  logger.info({ userId: user.id, apiKeyId: apiKey.id, scopes: apiKey.scopes }, "API key created");

  return NextResponse.json(
    { apiKey, secret },
    { status: 201, headers: { "Cache-Control": "no-store" } },
  );
});
