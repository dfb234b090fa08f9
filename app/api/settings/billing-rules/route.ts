// PUT /api/settings/billing-rules – replaces the global billing rules
import { NextResponse } from "next/server";

import { readJsonBody } from "@/lib/api/parse-input";
import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { setGlobalBillingRules } from "@/lib/db/sessions";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { billingRulesFormSchema } from "@/lib/validations/billing-rules-form";

export const PUT = handleRoute("settings.billing-rules", async (request: Request) => {
  const user = await requirePermission("manageBillingRules");
  const rules = billingRulesFormSchema.parse(await readJsonBody(request));

  const saved = await setGlobalBillingRules(getDb(), { rules, actorId: user.id });
  logger.info({ userId: user.id }, "global billing rules saved");

  return NextResponse.json({ rules: saved });
});
