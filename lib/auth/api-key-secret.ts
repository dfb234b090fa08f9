// API key secrets: `ab_<prefix>_<random>`. The prefix is stored in clear so administrators can
// tell keys apart; the whole secret is stored only as a SHA-256 hash.
import { createHash, randomBytes } from "node:crypto";

export const API_SCOPES = ["sessions:write", "balance:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

const SECRET_PATTERN = /^ab_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export interface GeneratedApiKey {
  secret: string;
  prefix: string;
  hash: string;
}

/** Generates a new secret with 256 random bits, its public prefix and its hash. */
export function generateApiKeySecret(): GeneratedApiKey {
  const prefix = randomBytes(5).readUIntBE(0, 5).toString(36).padStart(8, "0").slice(-8);
  const secret = `ab_${prefix}_${randomBytes(32).toString("base64url")}`;

  return { secret, prefix, hash: hashApiKeySecret(secret) };
}

/**
 * Returns the hex SHA-256 of a secret. A plain hash suffices because the secret is 256 random
 * bits: unlike a password, it cannot be guessed from a dictionary.
 */
export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Returns whether `value` has the shape of a secret, so malformed values skip the lookup. */
export function isApiKeySecret(value: string): boolean {
  return SECRET_PATTERN.test(value);
}
