import { z } from "zod";

// Error messages are keys under `errors.` in messages/*.json.
export const reversalInputSchema = z.object({
  reason: z
    .string({ error: "ledger.reasonRequired" })
    .trim()
    .min(1, "ledger.reasonRequired")
    .max(500, "ledger.reasonTooLong"),
});
