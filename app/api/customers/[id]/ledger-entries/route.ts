// POST /api/customers/:id/ledger-entries – records a top-up, postpaid billing or adjustment
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { isCustomerId } from "@/lib/db/customers";
import { recordLedgerEntry } from "@/lib/db/ledger";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { ledgerEntryInputSchema } from "@/lib/validations/ledger-entry";

export const POST = handleRoute(
  "ledger-entries.create",
  async (request: Request, context: { params: Promise<{ id: string }> }) => {
    const user = await requirePermission("recordLedgerEntry");
    const { id: customerId } = await context.params;
    if (!isCustomerId(customerId)) throw new AppError("NOT_FOUND", "customer.notFound");
    const input = ledgerEntryInputSchema.parse(await request.json().catch(() => ({})));

    const entry = await recordLedgerEntry(getDb(), {
      customerId,
      authorId: user.id,
      entry: input,
    });
    logger.info(
      { userId: user.id, customerId, entryId: entry.id, kind: entry.kind },
      "ledger entry recorded",
    );

    return NextResponse.json(
      { id: entry.id, minutes: entry.minutes, balanceAfter: entry.balanceAfter },
      { status: 201 },
    );
  },
);
