import { z } from "zod";

import { MANUAL_LEDGER_KINDS } from "@/lib/domain/ledger";
import { parseMinutesInput } from "@/lib/domain/minutes-input";

// Error messages are keys under `errors.` in messages/*.json. The sign and size rules live in
// lib/domain/ledger.ts, which every ledger write runs whatever its source.
export const ledgerEntryInputSchema = z.object({
  kind: z.enum(MANUAL_LEDGER_KINDS, { error: "ledger.kindInvalid" }),
  minutes: z.unknown().transform((value, context) => {
    const parsed = parseMinutesInput(value);
    if (parsed.ok) return parsed.minutes;

    context.addIssue({ code: "custom", message: parsed.messageKey });

    return z.NEVER;
  }),
  contractId: z
    .string()
    .trim()
    .nullish()
    .transform((value) => value || null),
  comment: z
    .string()
    .trim()
    .max(500, "ledger.commentTooLong")
    .nullish()
    .transform((value) => value || null),
});

export type LedgerEntryInput = z.infer<typeof ledgerEntryInputSchema>;
