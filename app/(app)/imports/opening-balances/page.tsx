import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { requirePagePermission } from "@/lib/auth/guards";
import { OpeningBalanceImport } from "@/components/imports/opening-balance-import";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("openingBalances");

  return { title: t("title") };
}

export default async function OpeningBalancesPage() {
  await requirePagePermission("importOpeningBalances");

  return <OpeningBalanceImport />;
}
