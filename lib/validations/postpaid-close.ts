import { z } from "zod";

import { parseBillingMonth } from "@/lib/domain/billing-month";

// Error messages are keys under `errors.` in messages/*.json.
export const billingMonthSchema = z.string().transform((value, context) => {
  const month = parseBillingMonth(value.trim());
  if (month) return month;

  context.addIssue({ code: "custom", message: "postpaid.monthInvalid" });

  return z.NEVER;
});

export const postpaidCloseInputSchema = z.object({
  month: billingMonthSchema,
  invoices: z
    .array(
      z.object({
        customerId: z.string().min(1).max(64),
        invoiceReference: z
          .string({ error: "postpaid.invoiceReferenceRequired" })
          .trim()
          .min(1, "postpaid.invoiceReferenceRequired")
          .max(100, "postpaid.invoiceReferenceTooLong"),
        // The minutes to bill as the page showed them. The close is refused when they changed.
        minutes: z
          .number({ error: "postpaid.minutesMissing" })
          .int("postpaid.minutesMissing")
          .positive("postpaid.minutesMissing"),
      }),
      { error: "postpaid.noInvoices" },
    )
    .min(1, "postpaid.noInvoices")
    .max(10_000)
    .refine(
      (invoices) => new Set(invoices.map((invoice) => invoice.customerId)).size === invoices.length,
      "postpaid.duplicateCustomer",
    ),
});
