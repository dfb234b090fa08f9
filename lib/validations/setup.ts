import { z } from "zod";

import { isValidVatNumber } from "@/lib/domain/vat-number";

import { emailSchema, passwordSchema, personNameSchema } from "./user";

// Error messages are keys under `errors.` in messages/*.json.

/**
 * Accepts a partita IVA written with spaces, dots or the "IT" prefix and returns its 11 digits.
 * The last digit must be the check digit of the first ten.
 */
export const vatNumberSchema = z
  .string({ error: "setup.vatNumberInvalid" })
  .transform((value) => value.replace(/[\s.]/g, "").replace(/^IT/i, ""))
  .refine((value) => /^\d{11}$/.test(value), { error: "setup.vatNumberFormat" })
  .refine(isValidVatNumber, { error: "setup.vatNumberCheckDigit" });

export const companySchema = z.object({
  name: z
    .string({ error: "setup.companyNameInvalid" })
    .trim()
    .min(1, { error: "setup.companyNameInvalid" })
    .max(200, { error: "setup.companyNameInvalid" }),
  address: z
    .string({ error: "setup.companyAddressInvalid" })
    .trim()
    .min(1, { error: "setup.companyAddressInvalid" })
    .max(300, { error: "setup.companyAddressInvalid" }),
  vatNumber: vatNumberSchema,
});

export const setupSchema = z
  .object({
    adminName: personNameSchema,
    adminEmail: emailSchema,
    password: passwordSchema,
    confirmPassword: z.string({ error: "users.passwordsDiffer" }),
    company: companySchema,
  })
  .refine((input) => input.password === input.confirmPassword, {
    path: ["confirmPassword"],
    error: "users.passwordsDiffer",
  });

export type CompanyDetails = z.infer<typeof companySchema>;
export type SetupInput = z.infer<typeof setupSchema>;
