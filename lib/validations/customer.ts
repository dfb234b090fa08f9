import { z } from "zod";

import { MAX_CUSTOMER_CODE_LENGTH } from "@/lib/domain/customer-code";
import { isValidTaxCode, normalizeTaxCode } from "@/lib/domain/tax-code";
import { isValidVatNumber } from "@/lib/domain/vat-number";

// Error messages are keys under `errors.` in messages/*.json. Form fields arrive as strings, so
// empty text means "not set" and numbers are coerced here.

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "customer.fieldTooLong")
    .nullish()
    .transform((value) => value || null);

export const customerInputSchema = z
  .object({
    code: z
      .string({ error: "customer.codeRequired" })
      .trim()
      .min(1, "customer.codeRequired")
      .max(MAX_CUSTOMER_CODE_LENGTH, "customer.codeTooLong"),
    name: z
      .string({ error: "customer.nameRequired" })
      .trim()
      .min(1, "customer.nameRequired")
      .max(200, "customer.fieldTooLong"),
    vatNumber: optionalText(20)
      .transform((value) => value?.replace(/^IT/i, "").replace(/\s/g, "") || null)
      .refine((value) => value === null || isValidVatNumber(value), "customer.vatNumberInvalid"),
    // The same check as the registry import, check letter included.
    taxCode: optionalText(20)
      .transform((value) => (value ? normalizeTaxCode(value) : null))
      .refine((value) => value === null || isValidTaxCode(value), "customer.taxCodeInvalid"),
    address: optionalText(200),
    city: optionalText(100),
    province: optionalText(10)
      .transform((value) => value?.toUpperCase() ?? null)
      .refine((value) => value === null || /^[A-Z]{2}$/.test(value), "customer.provinceInvalid"),
    postalCode: optionalText(10).refine(
      (value) => value === null || /^\d{5}$/.test(value),
      "customer.postalCodeInvalid",
    ),
    email: optionalText(200).refine(
      (value) => value === null || z.email().safeParse(value).success,
      "customer.emailInvalid",
    ),
    phone: optionalText(40),
    billingMode: z.enum(["PREPAID", "POSTPAID"], { error: "customer.billingModeInvalid" }),
    lowBalanceKind: z.enum(["MINUTES", "PERCENT_OF_LAST_TOP_UP"], {
      error: "customer.thresholdKindInvalid",
    }),
    lowBalanceThreshold: z
      .union([z.string(), z.number()])
      .nullish()
      .transform((value, context) => {
        const text = String(value ?? "").trim();
        if (text === "") return null;
        if (!/^\d+$/.test(text) || Number(text) > 1_000_000) {
          context.addIssue({ code: "custom", message: "customer.thresholdInvalid" });

          return z.NEVER;
        }

        return Number(text);
      }),
    notes: optionalText(2000),
  })
  .superRefine((input, context) => {
    const percent = input.lowBalanceKind === "PERCENT_OF_LAST_TOP_UP";
    if (percent && input.lowBalanceThreshold !== null && input.lowBalanceThreshold > 100) {
      context.addIssue({
        code: "custom",
        path: ["lowBalanceThreshold"],
        message: "customer.thresholdPercentInvalid",
      });
    }
  });

export type CustomerInput = z.infer<typeof customerInputSchema>;

export const customerActivationSchema = z.object({
  active: z.boolean({ error: "customer.activeInvalid" }),
});
