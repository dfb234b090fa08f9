// The global billing rules (Setting "billingRules") and the rules in effect for one customer.
import {
  type BillingRules,
  type BillingRulesOverride,
  billingRulesOverrideSchema,
  resolveBillingRules,
} from "@/lib/domain/billing-rules";
import { AppError } from "@/lib/errors";

import { recordAudit } from "../audit";
import type { Db, Tx } from "../client";
import type { Prisma } from "../generated/client";

export const BILLING_RULES_SETTING = "billingRules";

/** Returns the global rules as stored: only the fields the administrator set, or `{}`. */
export async function getGlobalBillingRules(db: Db | Tx): Promise<BillingRulesOverride> {
  const setting = await db.setting.findUnique({ where: { key: BILLING_RULES_SETTING } });
  if (!setting) return {};

  // Validated on save, so a failure here means the row was edited outside the application.
  resolveBillingRules({ settings: setting.value });

  return billingRulesOverrideSchema.parse(setting.value);
}

/**
 * Validates and stores the global rules, replacing the previous ones, and audits the change.
 * Fields left out fall back to the defaults. Throws a VALIDATION AppError
 * (`session.settingsRulesInvalid`) whose fields name each invalid or unknown field.
 */
export async function setGlobalBillingRules(
  db: Db,
  options: { rules: unknown; actorId: string | null },
): Promise<BillingRulesOverride> {
  resolveBillingRules({ settings: options.rules });
  const rules = billingRulesOverrideSchema.parse(options.rules);

  await db.$transaction(async (tx) => {
    const previous = await tx.setting.findUnique({ where: { key: BILLING_RULES_SETTING } });
    const value = rules as Prisma.InputJsonObject;

    await tx.setting.upsert({
      where: { key: BILLING_RULES_SETTING },
      create: { key: BILLING_RULES_SETTING, value },
      update: { value },
    });
    await recordAudit(tx, {
      actorId: options.actorId,
      action: "settings.billingRules.update",
      entityType: "Setting",
      entityId: BILLING_RULES_SETTING,
      before: (previous?.value ?? {}) as Prisma.InputJsonValue,
      after: value,
    });
  });

  return rules;
}

/** Returns the rules in effect for a customer: defaults, then the global rules, then its own. */
export async function getCustomerBillingRules(
  db: Db | Tx,
  customerId: string | null,
): Promise<BillingRules> {
  const setting = await db.setting.findUnique({ where: { key: BILLING_RULES_SETTING } });
  if (customerId === null) return resolveBillingRules({ settings: setting?.value });

  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: { billingRules: true },
  });
  if (!customer) throw new AppError("NOT_FOUND", "customer.notFound");

  return resolveBillingRules({ settings: setting?.value, customer: customer.billingRules });
}
