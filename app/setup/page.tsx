import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { getDb } from "@/lib/db/client";
import { needsSetup } from "@/lib/db/setup";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { SetupForm } from "@/components/setup/setup-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("setup");

  return { title: t("title") };
}

// Rendered per request: whether an administrator exists changes after the build.
export const dynamic = "force-dynamic";

// Open without a session until the first administrator exists, then 404.
export default async function SetupPage() {
  if (!(await needsSetup(getDb()))) notFound();

  const t = await getTranslations();

  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 px-4 py-8">
      <div className="w-full max-w-lg rounded-tremor-default border border-tremor-border bg-white p-8 shadow-tremor-card">
        <h1 className="text-tremor-title font-semibold text-tremor-content-strong">
          {t("setup.title")}
        </h1>
        <p className="mb-6 mt-1 text-tremor-default text-tremor-content">{t("setup.intro")}</p>
        <SetupForm />
      </div>
      <LocaleSwitcher />
    </main>
  );
}
