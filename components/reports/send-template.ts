// Sends the template editor's form to the save or preview route, as multipart so the logo file
// travels with the settings.

export type FormResult =
  | { ok: true; response: Response }
  | { ok: false; message: string; fields: Record<string, string> };

export async function sendTemplateForm(
  url: string,
  body: FormData,
  messages: { network: string; fallback: string },
): Promise<FormResult> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", body, cache: "no-store" });
  } catch {
    return { ok: false, message: messages.network, fields: {} };
  }
  if (response.ok) return { ok: true, response };

  const payload = (await response.json().catch(() => null)) as {
    error?: { message?: string; fields?: { field: string; message: string }[] };
  } | null;
  const fields: Record<string, string> = {};
  for (const issue of payload?.error?.fields ?? []) fields[issue.field] ??= issue.message;

  return { ok: false, message: payload?.error?.message ?? messages.fallback, fields };
}
