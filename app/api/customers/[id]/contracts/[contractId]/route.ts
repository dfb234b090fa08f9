// PUT /api/customers/:id/contracts/:contractId – changes a support contract
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { updateContract } from "@/lib/db/contracts";
import { isCustomerId } from "@/lib/db/customers";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { contractInputSchema } from "@/lib/validations/contract";

export const PUT = handleRoute(
  "contracts.update",
  async (request: Request, context: { params: Promise<{ id: string; contractId: string }> }) => {
    const user = await requirePermission("manageCustomers");
    const { id: customerId, contractId } = await context.params;
    // Contract ids have the same shape as customer ids.
    if (!isCustomerId(customerId) || !isCustomerId(contractId)) {
      throw new AppError("NOT_FOUND", "contract.notFound");
    }
    const input = contractInputSchema.parse(await request.json().catch(() => ({})));

    const contract = await updateContract(getDb(), {
      actorId: user.id,
      customerId,
      contractId,
      input,
    });
    logger.info({ userId: user.id, customerId, contractId }, "contract updated");

    return NextResponse.json({ id: contract.id });
  },
);
