// The client address used by the per-address sign-in limit.
//
// `next start` copies the socket address into X-Forwarded-For only when the request has no such
// header (next 16.5, server/base-server.js), so a client that connects directly can write any
// value there. The header is therefore read only when TRUSTED_PROXIES gives the number of reverse
// proxies of our own in front of the app. Each of them appends the address it received the
// request from, so the entry that many places from the right was written by the outermost proxy.

/**
 * Reads TRUSTED_PROXIES: the number of reverse proxies in front of the app, 0 (the default) when
 * clients connect to it directly. Throws on a value that is not a whole number from 0 to 10.
 */
export function trustedProxyCount(value = process.env.TRUSTED_PROXIES): number {
  if (value === undefined || value.trim() === "") return 0;
  if (!/^\d{1,2}$/.test(value.trim()) || Number(value) > 10) {
    throw new Error(`Invalid TRUSTED_PROXIES "${value}": use the number of proxies, 0 to 10.`);
  }

  return Number(value);
}

/**
 * Returns the client address from X-Forwarded-For written by the trusted proxies, or null when no
 * proxy is trusted or the header has fewer entries than proxies (the request then did not pass
 * through all of them).
 */
export function clientAddress(
  headers: Record<string, unknown> | undefined,
  trustedProxies: number,
): string | null {
  if (trustedProxies === 0) return null;

  const header = headers?.["x-forwarded-for"];
  if (typeof header !== "string") return null;

  const entries = header
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length < trustedProxies) return null;

  return entries[entries.length - trustedProxies].slice(0, 100);
}
