// POST /api/sessions/:code/exhausted-credit – records the operator's choice when credit ran out
import { NextResponse } from "next/server";

import { readJsonBody } from "@/lib/api/parse-input";
import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { recordExhaustedCreditDecision } from "@/lib/db/sessions";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { exhaustedCreditDecisionSchema, sessionCodeSchema } from "@/lib/validations/sessions";

export const POST = handleRoute(
  "sessions.exhausted-credit",
  async (request: Request, context: { params: Promise<{ code: string }> }) => {
    const user = await requirePermission("operateSessions");
    const code = sessionCodeSchema.parse((await context.params).code);
    const { decision } = exhaustedCreditDecisionSchema.parse(await readJsonBody(request));

    const session = await recordExhaustedCreditDecision(getDb(), {
      code,
      decision,
      actorId: user.id,
    });
    logger.info({ userId: user.id, sessionId: session.id, decision }, "exhausted credit decided");

    return NextResponse.json({ code: session.code, exhaustedCredit: session.exhaustedCredit });
  },
);
