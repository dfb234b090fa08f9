// POST /api/sessions/:code/end – ends a running session now and charges its minutes
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { endSession } from "@/lib/db/sessions";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { sessionCodeSchema } from "@/lib/validations/sessions";

export const POST = handleRoute(
  "sessions.end",
  async (_request: Request, context: { params: Promise<{ code: string }> }) => {
    const user = await requirePermission("operateSessions");
    const code = sessionCodeSchema.parse((await context.params).code);

    const { session, closed } = await endSession(getDb(), { code, actorId: user.id });
    logger.info(
      { userId: user.id, sessionId: session.id, closed, billedMinutes: session.billedMinutes },
      "session ended",
    );

    return NextResponse.json({
      code: session.code,
      closed,
      seconds: session.seconds,
      billedMinutes: session.billedMinutes,
    });
  },
);
