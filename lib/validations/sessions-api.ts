// Request and response schemas of the public API (/api/v1). Error messages are keys under
// `errors.` in messages/*.json. The OpenAPI document is generated from these schemas.
import { z } from "zod";

import { MAX_REMOTE_ID_LENGTH } from "@/lib/domain/device-id";
import { normalizeSessionCode } from "@/lib/domain/session-code";

const dateTime = z.iso
  .datetime({ offset: true, error: "api.dateTimeInvalid" })
  .transform((value) => new Date(value));

function text(max: number) {
  return z
    .string({ error: "api.textInvalid" })
    .trim()
    .max(max, { error: "api.textTooLong" })
    .nullish()
    .transform((value) => value || null);
}

// Session codes go into console URLs, so only characters that are safe in a path segment are
// accepted. They cover the tools' numeric IDs and braced GUIDs. A code of dots alone is rejected
// because "." and ".." are path steps, not names.
const SESSION_CODE_PATTERN = /^[A-Za-z0-9{}_.:-]+$/;

const sessionCode = z
  .string({ error: "api.sessionCodeInvalid" })
  .trim()
  .min(1, { error: "api.sessionCodeInvalid" })
  .max(100, { error: "api.sessionCodeInvalid" })
  .regex(SESSION_CODE_PATTERN, { error: "api.sessionCodeInvalid" })
  .refine((code) => !/^\.+$/.test(code), { error: "api.sessionCodeInvalid" })
  .transform(normalizeSessionCode)
  .meta({
    description:
      "1 to 100 characters: letters, digits and { } _ . : -. A GUID is stored in lower case " +
      "without braces, as the log import stores it.",
  });

const sessionDetails = {
  code: sessionCode,
  customerCode: text(50).meta({ description: "ERP code of the customer." }),
  remoteDeviceId: text(MAX_REMOTE_ID_LENGTH).meta({
    description: "ID of the remote device, matched against the devices of the customers.",
  }),
  connectionType: text(50).meta({ description: "For example RemoteControl or Filetransfer." }),
  operatorName: text(100),
  notes: text(2000),
};

export const startSessionInputSchema = z.strictObject({
  ...sessionDetails,
  startedAt: dateTime.optional().meta({ description: "Defaults to the server's current time." }),
});

export const endSessionInputSchema = z.strictObject({
  code: sessionCode,
  endedAt: dateTime.optional().meta({ description: "Defaults to the server's current time." }),
});

export const recordSessionInputSchema = z.strictObject({
  ...sessionDetails,
  startedAt: dateTime.optional().meta({ description: "Required." }),
  endedAt: dateTime.optional().meta({ description: "Required unless durationSeconds is sent." }),
  durationSeconds: z
    .number({ error: "api.durationNotNumber" })
    .optional()
    .meta({ description: "Whole seconds, 0 or more. Must agree with endedAt when both are sent." }),
});

export const balanceQuerySchema = z
  .strictObject({
    customerCode: z.string().trim().min(1).max(50).optional(),
    deviceId: z.string().trim().min(1).max(MAX_REMOTE_ID_LENGTH).optional(),
  })
  .refine((query) => Boolean(query.customerCode) !== Boolean(query.deviceId), {
    error: "api.balanceQueryInvalid",
  });

export type StartSessionInput = z.infer<typeof startSessionInputSchema>;
export type EndSessionInput = z.infer<typeof endSessionInputSchema>;
export type RecordSessionInput = z.infer<typeof recordSessionInputSchema>;
export type BalanceQuery = z.infer<typeof balanceQuerySchema>;

export const customerBalanceSchema = z.object({
  code: z.string(),
  name: z.string(),
  billingMode: z.enum(["PREPAID", "POSTPAID"]),
  balanceMinutes: z.int().meta({ description: "Residual minutes; negative when overdrawn." }),
  thresholdMinutes: z.int().nullable(),
  status: z.enum(["OK", "LOW", "EXHAUSTED"]).meta({
    description: "EXHAUSTED and LOW apply to prepaid customers only.",
  }),
});

export const sessionResourceSchema = z.object({
  session: z.object({
    code: z.string(),
    status: z.enum(["RUNNING", "CLOSED"]),
    startedAt: z.string().meta({ format: "date-time" }),
    endedAt: z.string().meta({ format: "date-time" }).nullable(),
    seconds: z.int().nullable(),
    billedMinutes: z.int().nullable(),
    billable: z.boolean(),
    billingRule: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: "Why the session was billed as it was, for example ROUNDED." }),
    connectionType: z.string().nullable(),
    remoteDeviceId: z.string().nullable(),
    operatorName: z.string().nullable(),
  }),
  customer: customerBalanceSchema
    .nullable()
    .meta({ description: "Null while the session waits in the inbox to be assigned." }),
});

export type CustomerBalance = z.infer<typeof customerBalanceSchema>;
export type SessionResource = z.infer<typeof sessionResourceSchema>;
