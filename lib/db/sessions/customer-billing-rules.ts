import {
  type BillingRulesOverride,
  billingRulesOverrideSchema,
  resolveBillingRules,
} from "@/lib/domain/billing-rules";
import { AppError } from "@/lib/errors";

import { recordAudit } from "../audit";
import type { Db } from "../client";
import { Prisma } from "../generated/client";

/** Returns a customer's stored override, or `{}` when it has none or it cannot be read. */
export function readCustomerBillingRules(value: unknown): BillingRulesOverride {
  const result = billingRulesOverrideSchema.safeParse(value ?? {});

  return result.success ? result.data : {};
}

/**
 * Validates and stores a customer's override of the billing rules, replacing the previous one,
 * and audits the change. An override without fields is stored as null, so the customer inherits
 * every global rule. Sessions closed earlier are not rebilled by this change.
 *
 * Throws NOT_FOUND (`customer.notFound`) and a VALIDATION AppError
 * (`session.customerRulesInvalid`) whose fields name each invalid or unknown field.
 */
export async function setCustomerBillingRules(
  db: Db,
  options: { customerId: string; rules: unknown; actorId: string | null },
): Promise<BillingRulesOverride> {
  resolveBillingRules({ customer: options.rules });
  const parsed = billingRulesOverrideSchema.parse(options.rules ?? {});
  const rules = Object.fromEntries(
    Object.entries(parsed).filter(([, field]) => field !== undefined),
  ) as BillingRulesOverride;
  const value = Object.keys(rules).length === 0 ? Prisma.DbNull : (rules as Prisma.InputJsonObject);

  await db.$transaction(async (tx) => {
    const before = await tx.customer.findUnique({
      where: { id: options.customerId },
      select: { billingRules: true },
    });
    if (!before) throw new AppError("NOT_FOUND", "customer.notFound");

    await tx.customer.update({ where: { id: options.customerId }, data: { billingRules: value } });
    await recordAudit(tx, {
      actorId: options.actorId,
      action: "customer.billingRules.update",
      entityType: "Customer",
      entityId: options.customerId,
      before: (before.billingRules ?? {}) as Prisma.InputJsonValue,
      after: rules as Prisma.InputJsonObject,
    });
  });

  return rules;
}
