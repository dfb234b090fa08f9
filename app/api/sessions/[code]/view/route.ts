// GET /api/sessions/:code/view – what the operator console shows, projected to now
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { getSessionView } from "@/lib/db/sessions";
import { sessionViewBody } from "@/lib/http/session-view-body";
import { handleRoute } from "@/lib/http/respond";
import { sessionCodeSchema } from "@/lib/validations/sessions";

export const GET = handleRoute(
  "sessions.view",
  async (_request: Request, context: { params: Promise<{ code: string }> }) => {
    await requirePermission("viewSessions");
    const code = sessionCodeSchema.parse((await context.params).code);

    const view = await getSessionView(getDb(), { code });

    return NextResponse.json(sessionViewBody(view), { headers: { "Cache-Control": "no-store" } });
  },
);
