// PUT /api/customers/:id/activation – deactivates or reactivates a customer
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { setCustomerActive } from "@/lib/db/customer-admin";
import { isCustomerId } from "@/lib/db/customers";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { customerActivationSchema } from "@/lib/validations/customer";

export const PUT = handleRoute(
  "customers.activation",
  async (request: Request, context: { params: Promise<{ id: string }> }) => {
    const user = await requirePermission("manageCustomers");
    const { id: customerId } = await context.params;
    if (!isCustomerId(customerId)) throw new AppError("NOT_FOUND", "customer.notFound");
    const { active } = customerActivationSchema.parse(await request.json().catch(() => ({})));

    const customer = await setCustomerActive(getDb(), { actorId: user.id, customerId, active });
    logger.info({ userId: user.id, customerId, active }, "customer activation changed");

    return NextResponse.json({ id: customer.id, active: customer.active });
  },
);
