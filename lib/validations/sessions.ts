import { z } from "zod";

import { normalizeSessionCode } from "@/lib/domain/session-code";

// Error messages are keys under `errors.`.

// Twelve hours: an operator who forgot to open the console for longer enters the session
// afterwards, with its real start and end, rather than as a running session.
export const MAX_MINUTES_AGO = 720;

export const sessionCodeSchema = z
  .string({ error: "session.codeMissing" })
  .trim()
  .min(1, "session.codeMissing")
  .max(100, "session.codeTooLong")
  .transform(normalizeSessionCode);

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((value) => value || null);

// A session started by hand in the operator console.
export const manualSessionInputSchema = z
  .object({
    code: sessionCodeSchema,
    customerCode: optionalText(50, "session.customerCodeTooLong"),
    remoteDeviceId: optionalText(100, "session.deviceIdTooLong"),
    minutesAgo: z
      .union([z.string(), z.number()])
      .nullish()
      .transform((value) => (value === null || value === undefined ? "" : String(value).trim()))
      .transform((value) => (value === "" ? 0 : Number(value)))
      .pipe(
        z
          .number({ error: "session.minutesAgoInvalid" })
          .int({ error: "session.minutesAgoInvalid" })
          .min(0, { error: "session.minutesAgoInvalid" })
          .max(MAX_MINUTES_AGO, { error: "session.minutesAgoInvalid" }),
      ),
    notes: optionalText(500, "session.notesTooLong"),
  })
  .refine((input) => input.customerCode || input.remoteDeviceId, {
    path: ["customerCode"],
    message: "session.customerOrDeviceMissing",
  });

export type ManualSessionInput = z.infer<typeof manualSessionInputSchema>;

export const exhaustedCreditDecisionSchema = z.object({
  decision: z.enum(["CONTINUE", "ASK_TOP_UP"], { error: "session.decisionInvalid" }),
});

export const assignSessionsInputSchema = z.object({
  sessionIds: z
    .array(z.string().min(1), { error: "session.noSessionsSelected" })
    .min(1, "session.noSessionsSelected"),
  customerId: z.string({ error: "session.customerMissing" }).min(1, "session.customerMissing"),
});
