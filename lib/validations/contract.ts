import { z } from "zod";

import {
  type CalendarDate,
  compareCalendarDates,
  parseCalendarDate,
} from "@/lib/domain/business-date";

// Error messages are keys under `errors.` in messages/*.json. Dates arrive as yyyy-mm-dd from a
// date input or as dd/mm/yyyy, and are stored as calendar dates (UTC midnight).

const toStoredDate = (date: CalendarDate) =>
  new Date(Date.UTC(date.year, date.month - 1, date.day));

function calendarDate(messageKey: string) {
  return z.string().transform((value, context) => {
    const date = parseCalendarDate(value);
    if (date) return date;

    context.addIssue({ code: "custom", message: messageKey });

    return z.NEVER;
  });
}

export const contractInputSchema = z
  .object({
    number: z
      .string({ error: "contract.numberRequired" })
      .trim()
      .min(1, "contract.numberRequired")
      .max(40, "contract.numberTooLong"),
    startsOn: calendarDate("contract.startInvalid"),
    endsOn: z
      .string()
      .nullish()
      .transform((value, context) => {
        if (!value?.trim()) return null;
        const date = parseCalendarDate(value);
        if (date) return date;

        context.addIssue({ code: "custom", message: "contract.endInvalid" });

        return z.NEVER;
      }),
    minutesIncluded: z
      .union([z.string(), z.number()])
      .nullish()
      .transform((value, context) => {
        const text = String(value ?? "").trim();
        if (text === "") return null;
        if (!/^\d+$/.test(text) || Number(text) > 1_000_000) {
          context.addIssue({ code: "custom", message: "contract.minutesIncludedInvalid" });

          return z.NEVER;
        }

        return Number(text);
      }),
    notes: z
      .string()
      .trim()
      .max(2000, "contract.notesTooLong")
      .nullish()
      .transform((value) => value || null),
  })
  .superRefine((input, context) => {
    if (input.endsOn && compareCalendarDates(input.endsOn, input.startsOn) < 0) {
      context.addIssue({ code: "custom", path: ["endsOn"], message: "contract.endBeforeStart" });
    }
  })
  .transform((input) => ({
    ...input,
    startsOn: toStoredDate(input.startsOn),
    endsOn: input.endsOn ? toStoredDate(input.endsOn) : null,
  }));

export type ContractInput = z.infer<typeof contractInputSchema>;
