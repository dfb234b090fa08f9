import { z } from "zod";

import type { BillingRulesOverride } from "@/lib/domain/billing-rules";
import { parseMinutesInput } from "@/lib/domain/minutes-input";

// The billing-rules forms send every field as typed. An empty field means "not set here": the
// global form then falls back to the default, a customer's form to the global rules. The range
// checks and their messages are those of billingRulesSchema, which setGlobalBillingRules and
// setCustomerBillingRules apply to the numbers produced here.

const typedNumber = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => {
    const text = value === null || value === undefined ? "" : String(value).trim();
    if (text === "") return undefined;

    // Only plain whole numbers count, so "0x0F" or "1e1" is not read as 15 or 10. Anything else
    // becomes NaN, which the rules schema rejects with the field's own message.
    const parsed = parseMinutesInput(text);

    return parsed.ok ? parsed.minutes : Number.NaN;
  });

const typedList = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((value) => {
    const items = typeof value === "string" ? value.split(/[,;\n]/) : (value ?? []);
    const list = items.map((item) => item.trim()).filter(Boolean);

    return list.length === 0 ? undefined : list;
  });

export const billingRulesFormSchema = z
  .object({
    roundingIncrementMinutes: typedNumber,
    minimumBilledMinutes: typedNumber,
    ignoreShorterThanSeconds: typedNumber,
    mergeGapMinutes: typedNumber,
    billableConnectionTypes: typedList,
  })
  .transform(
    (fields) =>
      Object.fromEntries(
        Object.entries(fields).filter(([, value]) => value !== undefined),
      ) as BillingRulesOverride,
  );
