// The Idempotency-Key header of API writes and the hash that ties a key to one request.
import { createHash } from "node:crypto";

import { AppError } from "@/lib/errors";

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Returns the request's Idempotency-Key, or null without one. Throws VALIDATION
 * (`api.idempotencyKeyInvalid`) unless it is 1 to 255 printable ASCII characters.
 */
export function readIdempotencyKey(request: Request): string | null {
  const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (key === null) return null;
  if (IDEMPOTENCY_KEY_PATTERN.test(key)) return key;

  throw new AppError("VALIDATION", "api.idempotencyKeyInvalid", {
    fields: [{ field: IDEMPOTENCY_KEY_HEADER, message: "api.idempotencyKeyInvalid" }],
  });
}

/**
 * Returns the SHA-256 of a request's method, path and JSON body. Object keys are sorted first,
 * so a client that serializes the same body in another key order still matches its first try.
 */
export function hashRequest(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`)
    .digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => compareKeys(a, b))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`);

    return `{${entries.join(",")}}`;
  }

  return JSON.stringify(value) ?? "null";
}

// Orders by UTF-16 code units, the same on every machine, unlike localeCompare.
function compareKeys(a: string, b: string): number {
  if (a === b) return 0;

  return a < b ? -1 : 1;
}
