// POST /api/sessions/:code/correction – reassigns a session or changes whether it is billed
import { NextResponse } from "next/server";

import { readJsonBody } from "@/lib/api/parse-input";
import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { correctSession } from "@/lib/db/sessions/correct-session";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { sessionCorrectionSchema } from "@/lib/validations/session-correction";
import { sessionCodeSchema } from "@/lib/validations/sessions";

export const POST = handleRoute(
  "sessions.correction",
  async (request: Request, context: { params: Promise<{ code: string }> }) => {
    const user = await requirePermission("correctSessions");
    const code = sessionCodeSchema.parse((await context.params).code);
    const correction = sessionCorrectionSchema.parse(await readJsonBody(request));

    const session = await correctSession(getDb(), { code, correction, actorId: user.id });
    logger.info({ userId: user.id, sessionId: session.id }, "session corrected");

    return NextResponse.json({
      code: session.code,
      customerId: session.customerId,
      billable: session.billable,
      billedMinutes: session.billedMinutes,
    });
  },
);
