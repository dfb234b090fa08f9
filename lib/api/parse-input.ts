import type { z } from "zod";

import { AppError, type FieldIssue } from "@/lib/errors";

// The largest valid request is a session with 2,000 characters of notes, at most about 8 KB in
// UTF-8, so 64 KB leaves room for any client while a large upload is rejected before parsing.
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * Reads a JSON request body. Throws UNSUPPORTED_FILE (`api.contentTypeNotJson`, 415) unless the
 * Content-Type is application/json, PAYLOAD_TOO_LARGE (`api.bodyTooLarge`, 413) for a body over
 * MAX_JSON_BODY_BYTES, and VALIDATION (`api.invalidJson`) when it is not valid JSON.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const mediaType = request.headers.get("Content-Type")?.split(";")[0].trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new AppError("UNSUPPORTED_FILE", "api.contentTypeNotJson");
  }

  const text = await readLimitedText(request);

  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("VALIDATION", "api.invalidJson", {
      fields: [{ field: "body", message: "api.invalidJson" }],
      cause: error,
    });
  }
}

// Rejects a declared length over the limit without reading, and counts the bytes of a body sent
// without one (chunked) while reading it, so a large body is never held whole in memory.
async function readLimitedText(request: Request): Promise<string> {
  const tooLarge = () =>
    new AppError("PAYLOAD_TOO_LARGE", "api.bodyTooLarge", {
      values: { maxKilobytes: MAX_JSON_BODY_BYTES / 1024 },
    });
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_JSON_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;

    size += value.byteLength;
    if (size > MAX_JSON_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }

  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Returns the query string of `request` as an object. Throws VALIDATION (`api.repeatedParameter`)
 * when a name appears twice, because one of the values would otherwise be dropped unseen.
 */
export function readQuery(request: Request): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of new URL(request.url).searchParams) {
    if (Object.hasOwn(query, name)) {
      throw new AppError("VALIDATION", "validation.invalidRequest", {
        fields: [{ field: name, message: "api.repeatedParameter", values: { field: name } }],
      });
    }
    query[name] = value;
  }

  return query;
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
