// PUT /api/customers/:id – changes a customer's registry data, billing mode and threshold
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { updateCustomer } from "@/lib/db/customer-admin";
import { isCustomerId } from "@/lib/db/customers";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { customerInputSchema } from "@/lib/validations/customer";

export const PUT = handleRoute(
  "customers.update",
  async (request: Request, context: { params: Promise<{ id: string }> }) => {
    const user = await requirePermission("manageCustomers");
    const { id: customerId } = await context.params;
    if (!isCustomerId(customerId)) throw new AppError("NOT_FOUND", "customer.notFound");
    const input = customerInputSchema.parse(await request.json().catch(() => ({})));

    const customer = await updateCustomer(getDb(), { actorId: user.id, customerId, input });
    logger.info({ userId: user.id, customerId }, "customer updated");

    return NextResponse.json({ id: customer.id });
  },
);
