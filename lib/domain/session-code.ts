// One spelling per session code, shared by the API, the console and the imports, so a connection
// sent by the API and later found in a log is recognised as the same session.

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** Returns a GUID (with or without braces, in any case) in lower case without braces, or null. */
export function guidCode(value: string): string | null {
  const guid = GUID.exec(value.trim());

  return guid ? guid[1].toLowerCase() : null;
}

/**
 * Returns `code` trimmed and, when it is a GUID (as TeamViewer logs its connections), in lower
 * case without braces. Other codes keep their case.
 */
export function normalizeSessionCode(code: string): string {
  return guidCode(code) ?? code.trim();
}
