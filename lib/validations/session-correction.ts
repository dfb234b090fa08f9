import { z } from "zod";

// Error messages are keys under `errors.`.
export const sessionCorrectionSchema = z
  .strictObject({
    customerCode: z.string().trim().min(1).max(50).optional(),
    billable: z.boolean().optional(),
    reason: z
      .string({ error: "ledger.reasonRequired" })
      .trim()
      .min(1, { error: "ledger.reasonRequired" })
      .max(500, { error: "ledger.reasonRequired" }),
  })
  .refine((input) => input.customerCode !== undefined || input.billable !== undefined, {
    error: "session.correctionEmpty",
  });

export type SessionCorrection = z.infer<typeof sessionCorrectionSchema>;
