// PUT /api/customers/:id/billing-rules – replaces the customer's override of the billing rules
import { NextResponse } from "next/server";

import { readJsonBody } from "@/lib/api/parse-input";
import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { setCustomerBillingRules } from "@/lib/db/sessions/customer-billing-rules";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { billingRulesFormSchema } from "@/lib/validations/billing-rules-form";

export const PUT = handleRoute(
  "customers.billing-rules",
  async (request: Request, context: { params: Promise<{ id: string }> }) => {
    const user = await requirePermission("manageBillingRules");
    const { id: customerId } = await context.params;
    const rules = billingRulesFormSchema.parse(await readJsonBody(request));

    const saved = await setCustomerBillingRules(getDb(), { customerId, rules, actorId: user.id });
    logger.info({ userId: user.id, customerId }, "customer billing rules saved");

    return NextResponse.json({ rules: saved });
  },
);
