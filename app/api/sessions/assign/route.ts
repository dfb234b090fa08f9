// POST /api/sessions/assign – assigns sessions of the "to assign" inbox to a customer
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { assignInboxSessions } from "@/lib/db/sessions/assign-inbox-sessions";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { assignSessionsInputSchema } from "@/lib/validations/sessions";

export const POST = handleRoute("sessions.assign", async (request: Request) => {
  const user = await requirePermission("assignSessions");
  const input = assignSessionsInputSchema.parse(await request.json().catch(() => ({})));

  const result = await assignInboxSessions(getDb(), { ...input, actorId: user.id });
  logger.info(
    {
      userId: user.id,
      customerId: input.customerId,
      sessionIds: input.sessionIds,
      billedMinutes: result.billedMinutes,
    },
    "sessions assigned",
  );

  return NextResponse.json(result);
});
