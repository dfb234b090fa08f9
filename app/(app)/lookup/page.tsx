import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { requirePagePermission } from "@/lib/auth/guards";
import { BalanceLookup } from "@/components/lookup/balance-lookup";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lookup"))("title") };
}

export default async function LookupPage() {
  await requirePagePermission("lookupBalance");
  const t = await getTranslations("lookup");

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h1 className="text-tremor-title font-semibold text-tremor-content-strong">{t("title")}</h1>
      <p className="text-tremor-content">{t("intro")}</p>
      <BalanceLookup />
    </div>
  );
}
