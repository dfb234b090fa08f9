"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";

import { setLocale } from "@/app/actions/locale";
import { LOCALES } from "@/lib/i18n/config";

export function LocaleSwitcher() {
  const t = useTranslations("common");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  return (
    <div
      role="group"
      className="flex items-center gap-1 text-tremor-label"
      aria-label={t("language")}
    >
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          disabled={pending || locale === current}
          aria-pressed={locale === current}
          onClick={() =>
            startTransition(async () => {
              await setLocale(locale);
              router.refresh();
            })
          }
          className="rounded px-2 py-1 uppercase text-tremor-content hover:bg-tremor-background-subtle disabled:font-semibold disabled:text-tremor-content-strong"
        >
          {locale}
        </button>
      ))}
    </div>
  );
}
