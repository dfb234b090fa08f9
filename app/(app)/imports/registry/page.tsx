import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { requirePagePermission } from "@/lib/auth/guards";
import { RegistryImport } from "@/components/imports/registry-import";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("imports");

  return { title: t("title") };
}

export default async function RegistryImportPage() {
  await requirePagePermission("importRegistry");

  return <RegistryImport />;
}
