// POST /api/ledger-entries/:id/reversal – cancels a ledger entry with a linked reversal entry
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { isCustomerId } from "@/lib/db/customers";
import { reverseLedgerEntry } from "@/lib/db/ledger";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { reversalInputSchema } from "@/lib/validations/reversal";

export const POST = handleRoute(
  "ledger-entries.reverse",
  async (request: Request, context: { params: Promise<{ id: string }> }) => {
    const user = await requirePermission("reverseLedgerEntry");
    const { id: entryId } = await context.params;
    // Ledger entry ids have the same shape as customer ids.
    if (!isCustomerId(entryId)) throw new AppError("NOT_FOUND", "ledger.entryNotFound");
    const input = reversalInputSchema.parse(await request.json().catch(() => ({})));

    const reversal = await reverseLedgerEntry(getDb(), {
      entryId,
      authorId: user.id,
      reason: input.reason,
    });
    logger.info({ userId: user.id, entryId, reversalId: reversal.id }, "ledger entry reversed");

    return NextResponse.json(
      { id: reversal.id, minutes: reversal.minutes, balanceAfter: reversal.balanceAfter },
      { status: 201 },
    );
  },
);
