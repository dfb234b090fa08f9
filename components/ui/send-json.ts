// Client-side JSON requests to the app's route handlers, with their errors (see lib/http/respond.ts)
// turned into one message and a message per field.

export type JsonResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; message: string; fields: Record<string, string> };

/**
 * Sends `body` as JSON and reads the JSON response. A network failure gives status 0 and
 * `networkMessage`, and an error body without a message gives `fallbackMessage`.
 */
export async function sendJson<T>(
  url: string,
  options: {
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
    body?: unknown;
    networkMessage: string;
    fallbackMessage: string;
    signal?: AbortSignal;
  },
): Promise<JsonResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method,
      headers: options.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      cache: "no-store",
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;

    return { ok: false, status: 0, message: options.networkMessage, fields: {} };
  }

  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, data: body as T };

  const error = (body as { error?: { message?: string; fields?: FieldMessage[] } } | null)?.error;
  const fields: Record<string, string> = {};
  for (const issue of error?.fields ?? []) fields[issue.field] ??= issue.message;

  return {
    ok: false,
    status: response.status,
    message: error?.message ?? options.fallbackMessage,
    fields,
  };
}

interface FieldMessage {
  field: string;
  message: string;
}
