// PATCH /api/users/:id – changes a user's role, or deactivates or reactivates the user
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { changeUserRole, setUserActive } from "@/lib/db/users";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { updateUserSchema } from "@/lib/validations/user";

export const PATCH = handleRoute(
  "users.update",
  async (request: Request, context: { params: Promise<{ id: string }> }) => {
    const actor = await requirePermission("manageUsers");
    const { id } = await context.params;
    const input = updateUserSchema.parse(await request.json().catch(() => ({})));

    const user =
      input.role !== undefined
        ? await changeUserRole(getDb(), { id, role: input.role, actorId: actor.id })
        : await setUserActive(getDb(), { id, active: input.active === true, actorId: actor.id });
    logger.info(
      { userId: actor.id, targetUserId: user.id, role: user.role, active: user.active },
      "user updated",
    );

    return NextResponse.json({ user });
  },
);
