import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("errors");

  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-tremor-title font-semibold text-tremor-content-strong">
        {t("forbiddenTitle")}
      </h1>
      <p className="mt-2 text-tremor-content">{t("auth.forbidden")}</p>
      <Link href="/" className="mt-6 inline-block text-tremor-brand hover:underline">
        {t("backHome")}
      </Link>
    </main>
  );
}
