// POST /api/sessions/manual – starts a session by hand from the operator console
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { startSession } from "@/lib/db/sessions";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { manualSessionInputSchema } from "@/lib/validations/sessions";

export const POST = handleRoute("sessions.start-manual", async (request: Request) => {
  const user = await requirePermission("operateSessions");
  const input = manualSessionInputSchema.parse(await request.json().catch(() => ({})));
  const now = new Date();

  const { session, created } = await startSession(getDb(), {
    code: input.code,
    customerCode: input.customerCode,
    remoteDeviceId: input.remoteDeviceId,
    notes: input.notes,
    operatorId: user.id,
    operatorName: user.name,
    source: "MANUAL",
    actorId: user.id,
    startedAt: new Date(now.getTime() - input.minutesAgo * 60_000),
    now,
  });
  logger.info(
    { userId: user.id, sessionId: session.id, customerId: session.customerId, created },
    "session started by hand",
  );

  return NextResponse.json({ code: session.code, created }, { status: created ? 201 : 200 });
});
