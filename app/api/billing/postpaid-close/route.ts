// POST /api/billing/postpaid-close – bills a month of postpaid customers with invoice references
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { closePostpaidPeriod } from "@/lib/db/postpaid-close";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { postpaidCloseInputSchema } from "@/lib/validations/postpaid-close";

export const POST = handleRoute("billing.postpaid-close", async (request: Request) => {
  const user = await requirePermission("closePostpaidPeriod");
  const input = postpaidCloseInputSchema.parse(await request.json().catch(() => ({})));

  const entries = await closePostpaidPeriod(getDb(), {
    month: input.month,
    actorId: user.id,
    invoices: input.invoices,
  });
  logger.info(
    { userId: user.id, month: input.month.key, entryIds: entries.map((entry) => entry.id) },
    "postpaid month closed",
  );

  return NextResponse.json(
    {
      billed: entries.length,
      minutes: entries.reduce((sum, entry) => sum + entry.minutes, 0),
    },
    { status: 201 },
  );
});
