import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";

import { BUSINESS_TIME_ZONE, DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./config";
import { loadMessages } from "./messages";

// The locale comes from the user's choice (a cookie), then the browser's language, then Italian.
export async function resolveLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;

  const accepted = (await headers()).get("accept-language") ?? "";
  const preferred = accepted.split(",")[0]?.trim().slice(0, 2).toLowerCase();

  return isLocale(preferred) ? preferred : DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();

  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: BUSINESS_TIME_ZONE,
  };
});
