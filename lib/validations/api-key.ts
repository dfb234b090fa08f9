import { z } from "zod";

import { API_SCOPES } from "@/lib/auth/api-key-secret";

// Error messages are keys under `errors.` in messages/*.json.
export const apiKeyInputSchema = z.object({
  name: z
    .string({ error: "apiKeys.nameInvalid" })
    .trim()
    .min(1, { error: "apiKeys.nameInvalid" })
    .max(100, { error: "apiKeys.nameInvalid" }),
  scopes: z
    .array(z.enum(API_SCOPES, { error: "apiKeys.scopesInvalid" }), {
      error: "apiKeys.scopesInvalid",
    })
    .min(1, { error: "apiKeys.scopesInvalid" }),
});

export type ApiKeyInput = z.infer<typeof apiKeyInputSchema>;
