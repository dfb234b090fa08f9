import { z } from "zod";

import { DEVICE_KINDS, normalizeRemoteId } from "@/lib/domain/device-id";

export const MAX_DEVICE_LABEL_LENGTH = 100;

// Error messages are keys under `errors.`. The remote ID comes out in canonical form, so the
// duplicate check and the session matching compare like with like.
export const deviceInputSchema = z
  .object({
    kind: z.enum(DEVICE_KINDS, { error: "session.deviceKindInvalid" }),
    remoteId: z.string({ error: "session.deviceIdMissing" }),
    label: z
      .string()
      .trim()
      .max(MAX_DEVICE_LABEL_LENGTH, "session.deviceLabelTooLong")
      .nullish()
      .transform((value) => value || null),
  })
  .transform((input, context) => {
    const result = normalizeRemoteId(input.kind, input.remoteId);
    if (!result.ok) {
      context.addIssue({ code: "custom", path: ["remoteId"], message: result.messageKey });

      return z.NEVER;
    }

    return { ...input, remoteId: result.remoteId };
  });

export type DeviceInput = z.infer<typeof deviceInputSchema>;
