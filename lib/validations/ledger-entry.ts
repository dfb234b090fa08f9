import { z } from "zod";

import {
  addDays,
  businessDateOf,
  type CalendarDate,
  compareCalendarDates,
  parseCalendarDate,
  startOfBusinessDay,
} from "@/lib/domain/business-date";
import { MANUAL_LEDGER_KINDS } from "@/lib/domain/ledger";
import { parseMinutesInput } from "@/lib/domain/minutes-input";

// Error messages are keys under `errors.` in messages/*.json. The sign and size rules live in
// lib/domain/ledger.ts, which every ledger write runs whatever its source.
export const ledgerEntryInputSchema = z
  .object({
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
    // The last calendar day (business time zone) the minutes of a top-up can be used on.
    expiresOn: z
      .string()
      .trim()
      .nullish()
      .transform((value) => value || null),
  })
  .transform((input, context) => {
    const { expiresOn, ...entry } = input;
    if (expiresOn === null) return { ...entry, expiresAt: null };

    const date = parseCalendarDate(expiresOn);
    const issue = expiryIssue(date, entry.kind);
    if (issue || !date) {
      context.addIssue({ code: "custom", path: ["expiresOn"], message: issue ?? "" });

      return z.NEVER;
    }

    return { ...entry, expiresAt: startOfBusinessDay(addDays(date, 1)) };
  });

function expiryIssue(date: CalendarDate | null, kind: string): string | null {
  if (!date) return "ledger.expiryInvalid";
  if (kind !== "TOP_UP") return "ledger.expiryOnlyTopUp";
  if (compareCalendarDates(date, businessDateOf(new Date())) < 0) return "ledger.expiryInPast";

  return null;
}

export type LedgerEntryInput = z.infer<typeof ledgerEntryInputSchema>;
