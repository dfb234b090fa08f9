// Remote IDs of the devices a customer registers, so sessions from those devices find their
// customer. IDs are stored in one canonical form because sessions are matched on equality.

export const DEVICE_KINDS = ["TEAMVIEWER", "ANYDESK", "OTHER"] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const MAX_REMOTE_ID_LENGTH = 100;

// TeamViewer and AnyDesk show numeric IDs of 9 or 10 digits, grouped with spaces ("123 456 789").
const NUMERIC_ID = /^\d{9,10}$/;
// An AnyDesk alias is a name and a namespace, such as "reception@ad" or "pc-01@company", made of
// letters, digits, hyphens, periods and underscores (AnyDesk help center, "AnyDesk ID and Alias").
const ANYDESK_ALIAS = /^[A-Za-z0-9._-]+@[A-Za-z0-9._-]+$/;

export type RemoteIdResult =
  | { ok: true; remoteId: string }
  // Message key under `errors.`.
  | { ok: false; messageKey: string };

/**
 * Validates a remote ID for its kind and returns it in canonical form: numeric IDs without the
 * spaces the tools show, aliases and other IDs trimmed.
 *
 * NOTE: aliases keep their case, so "Reception@ad" and "reception@ad" count as two IDs. AnyDesk's
 * documentation does not say whether it treats the case of an alias as significant.
 */
export function normalizeRemoteId(kind: DeviceKind, raw: string): RemoteIdResult {
  const text = raw.trim();
  if (!text) return { ok: false, messageKey: "session.deviceIdMissing" };
  if (text.length > MAX_REMOTE_ID_LENGTH) {
    return { ok: false, messageKey: "session.deviceIdTooLong" };
  }

  if (kind === "OTHER") return { ok: true, remoteId: text };

  const digits = text.replace(/[\s-]+/g, "");
  if (NUMERIC_ID.test(digits)) return { ok: true, remoteId: digits };

  if (kind === "ANYDESK") {
    if (ANYDESK_ALIAS.test(text)) return { ok: true, remoteId: text };

    return { ok: false, messageKey: "session.anydeskIdInvalid" };
  }

  return { ok: false, messageKey: "session.teamviewerIdInvalid" };
}

/**
 * Returns the spellings under which a remote ID sent with a session may be registered: as sent,
 * trimmed, and for a numeric ID also without the spaces and hyphens the tools show, which is how
 * normalizeRemoteId stores it.
 */
export function remoteIdLookupVariants(raw: string | null | undefined): string[] {
  const text = raw?.trim();
  if (!text) return [];

  const digits = text.replace(/[\s-]+/g, "");

  return [...new Set([text, NUMERIC_ID.test(digits) ? digits : text])];
}
