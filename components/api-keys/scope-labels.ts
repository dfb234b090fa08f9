import type { ApiScope } from "@/lib/auth/api-key-secret";

// Message keys under `apiKeys.scopes`; next-intl reads dots in keys as nesting, so scopes are
// mapped to plain names.
export const SCOPE_LABELS: Record<ApiScope, string> = {
  "sessions:write": "sessionsWrite",
  "balance:read": "balanceRead",
};
