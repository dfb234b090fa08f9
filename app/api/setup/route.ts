// POST /api/setup – creates the first administrator and the company details on an empty database
import { NextResponse } from "next/server";

import { getDb } from "@/lib/db/client";
import { completeSetup, needsSetup } from "@/lib/db/setup";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { setupSchema } from "@/lib/validations/setup";

// Open without a session, because no user exists yet. Once an administrator exists it returns 404,
// like the page.
export const POST = handleRoute("setup.complete", async (request: Request) => {
  const db = getDb();
  if (!(await needsSetup(db))) throw new AppError("NOT_FOUND", "setup.alreadyDone");

  const input = setupSchema.parse(await request.json().catch(() => ({})));
  const { adminId } = await completeSetup(db, input);
  logger.info({ userId: adminId }, "first administrator created");

  return NextResponse.json({ adminId }, { status: 201 });
});
