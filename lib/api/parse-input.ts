import type { z } from "zod";

import { AppError, type FieldIssue } from "@/lib/errors";

/** Reads a JSON request body. Throws VALIDATION (`api.invalidJson`) when it is not valid JSON. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();

  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("VALIDATION", "api.invalidJson", {
      fields: [{ field: "body", message: "api.invalidJson" }],
      cause: error,
    });
  }
}

/**
 * Parses `value` with `schema`. Throws VALIDATION (`validation.invalidRequest`) with one field
 * issue per problem: the field's path and its message key, and one issue per unknown field.
 */
export function parseApiInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;

  throw new AppError("VALIDATION", "validation.invalidRequest", {
    fields: result.error.issues.flatMap(toFieldIssues),
    cause: result.error,
  });
}

function toFieldIssues(issue: z.core.$ZodIssue): FieldIssue[] {
  const path = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      field: path ? `${path}.${key}` : key,
      message: "api.unknownField",
      values: { field: key },
    }));
  }

  // Messages set in the schemas are keys such as "api.dateTimeInvalid"; zod's own are sentences.
  const message = /^[a-z]+\.[A-Za-z.]+$/.test(issue.message)
    ? issue.message
    : "validation.invalidValue";

  return [{ field: path || "body", message }];
}
