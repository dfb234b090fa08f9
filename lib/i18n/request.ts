import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";

import { BUSINESS_TIME_ZONE, DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./config";
import { loadMessages } from "./messages";

// Italian unless the user picked another language with the switcher (stored in a cookie). The
// browser's language is not used: staff of Italian companies often run English browsers.
export async function resolveLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;

  return isLocale(chosen) ? chosen : DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();

  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: BUSINESS_TIME_ZONE,
  };
});
