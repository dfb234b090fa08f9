// PUT /api/account/password – changes the signed-in user's own password
import { NextResponse } from "next/server";

import { requireUser } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { changeOwnPassword } from "@/lib/db/users";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { changePasswordSchema } from "@/lib/validations/user";

export const PUT = handleRoute("account.password", async (request: Request) => {
  const user = await requireUser();
  const input = changePasswordSchema.parse(await request.json().catch(() => ({})));

  await changeOwnPassword(getDb(), {
    userId: user.id,
    currentPassword: input.currentPassword,
    newPassword: input.newPassword,
  });
  logger.info({ userId: user.id }, "password changed");

  return new NextResponse(null, { status: 204 });
});
