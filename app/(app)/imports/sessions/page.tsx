import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { requirePagePermission } from "@/lib/auth/guards";
import { SessionImport } from "@/components/imports/session-import";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sessionImport");

  return { title: t("title") };
}

export default async function SessionImportPage() {
  await requirePagePermission("importSessions");

  return <SessionImport />;
}
