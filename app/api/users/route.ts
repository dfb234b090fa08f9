// POST /api/users – creates a user and returns the temporary password once
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { inviteUser } from "@/lib/db/users";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { inviteUserSchema } from "@/lib/validations/user";

export const POST = handleRoute("users.invite", async (request: Request) => {
  const actor = await requirePermission("manageUsers");
  const input = inviteUserSchema.parse(await request.json().catch(() => ({})));

  const { user, temporaryPassword } = await inviteUser(getDb(), { ...input, actorId: actor.id });
  logger.info({ userId: actor.id, invitedUserId: user.id, role: user.role }, "user invited");

  return NextResponse.json(
    { user, temporaryPassword },
    { status: 201, headers: { "Cache-Control": "no-store" } },
  );
});
