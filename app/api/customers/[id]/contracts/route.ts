// POST /api/customers/:id/contracts – adds a support contract to a customer
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { createContract } from "@/lib/db/contracts";
import { isCustomerId } from "@/lib/db/customers";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { contractInputSchema } from "@/lib/validations/contract";

export const POST = handleRoute(
  "contracts.create",
  async (request: Request, context: { params: Promise<{ id: string }> }) => {
    const user = await requirePermission("manageCustomers");
    const { id: customerId } = await context.params;
    if (!isCustomerId(customerId)) throw new AppError("NOT_FOUND", "customer.notFound");
    const input = contractInputSchema.parse(await request.json().catch(() => ({})));

    const contract = await createContract(getDb(), { actorId: user.id, customerId, input });
    logger.info({ userId: user.id, customerId, contractId: contract.id }, "contract created");

    return NextResponse.json({ id: contract.id }, { status: 201 });
  },
);
