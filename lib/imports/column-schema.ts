// Zod pieces shared by the column mappings of the imports. A mapping names, for each field, the
// CSV column that contains it.
import { z } from "zod";

/** A column that must be chosen. `messageKey` (under `errors.`) names the missing one. */
export const requiredColumn = (messageKey: string) =>
  z.string({ error: messageKey }).trim().min(1, { error: messageKey });

// An unmapped optional field may be absent, null or an empty string (the select's "none" option).
export const optionalColumn = z
  .string()
  .trim()
  .nullish()
  .transform((value) => value || null);

/**
 * Parses a mapping as sent in a multipart form field, a JSON string, with `schema`. A missing
 * field or invalid JSON is reported with `missingKey`, like any other invalid mapping.
 */
export function jsonFieldSchema<T extends z.ZodType>(schema: T, missingKey: string) {
  return z
    .string({ error: missingKey })
    .transform((value, context) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        context.addIssue({ code: "custom", message: missingKey });

        return z.NEVER;
      }
    })
    .pipe(schema);
}
