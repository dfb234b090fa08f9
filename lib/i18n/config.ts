export const LOCALES = ["it", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "it";
export const LOCALE_COOKIE = "locale";

// Periods, buckets and displayed times use the business time zone of the Italian customers.
export const BUSINESS_TIME_ZONE = "Europe/Rome";

// Message files are split by area (messages/<locale>/<namespace>.json) so each area owns its file.
export const MESSAGE_NAMESPACES = [
  "common",
  "errors",
  "auth",
  "customers",
  "lookup",
  "imports",
  "sessions",
  "sessionImport",
  "openingBalances",
  "apiKeys",
  "reports",
  "dashboard",
  "billing",
  "users",
  "audit",
  "setup",
  "reportTemplates",
  "exports",
] as const;

export function isLocale(value: string | undefined | null): value is Locale {
  return LOCALES.includes(value as Locale);
}
