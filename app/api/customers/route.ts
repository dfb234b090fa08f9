// POST /api/customers – creates a customer
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { createCustomer } from "@/lib/db/customer-admin";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { customerInputSchema } from "@/lib/validations/customer";

export const POST = handleRoute("customers.create", async (request: Request) => {
  const user = await requirePermission("manageCustomers");
  const input = customerInputSchema.parse(await request.json().catch(() => ({})));

  const customer = await createCustomer(getDb(), { actorId: user.id, input });
  logger.info({ userId: user.id, customerId: customer.id }, "customer created");

  return NextResponse.json({ id: customer.id }, { status: 201 });
});
