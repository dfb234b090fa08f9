import { findApiKeyAndMarkUsed } from "@/lib/db/api-keys";
import { getPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

import { type ApiScope, isApiKeySecret } from "./api-key-secret";

export interface ApiClient {
  apiKeyId: string;
  name: string;
}

/**
 * Authenticates an API request by its `Authorization: Bearer <key>` header and checks `scope`.
 * Throws UNAUTHENTICATED (`api.keyMissing`, `api.keyInvalid`, `api.keyRevoked`) or FORBIDDEN
 * (`api.scopeMissing`). Looking up the key and recording its use take one database round trip.
 */
export async function requireApiKey(request: Request, scope: ApiScope): Promise<ApiClient> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError("UNAUTHENTICATED", "api.keyMissing");

  const secret = match[1];
  const apiKey = isApiKeySecret(secret)
    ? await findApiKeyAndMarkUsed(getPool(), { secret, scope })
    : null;
  if (!apiKey) throw new AppError("UNAUTHENTICATED", "api.keyInvalid");
  if (apiKey.revoked) {
    logger.warn({ apiKeyId: apiKey.id }, "revoked API key used");
    throw new AppError("UNAUTHENTICATED", "api.keyRevoked");
  }
  if (!apiKey.scopes.includes(scope)) {
    throw new AppError("FORBIDDEN", "api.scopeMissing", { values: { scope } });
  }

  return { apiKeyId: apiKey.id, name: apiKey.name };
}
