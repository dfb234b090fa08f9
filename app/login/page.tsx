import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";

import { getCurrentUser } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { needsSetup } from "@/lib/db/setup";
import { LoginForm } from "@/components/auth/login-form";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");

  return { title: t("signInTitle") };
}

export default async function LoginPage() {
  if (await needsSetup(getDb())) redirect("/setup");
  if (await getCurrentUser()) redirect("/");

  const t = await getTranslations();

  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 px-4">
      <div className="w-full max-w-sm rounded-tremor-default border border-tremor-border bg-white p-8 shadow-tremor-card">
        <h1 className="text-tremor-title font-semibold text-tremor-content-strong">
          {t("common.appName")}
        </h1>
        <p className="mb-6 mt-1 text-tremor-default text-tremor-content">
          {t("auth.signInSubtitle")}
        </p>
        <Suspense>
          <LoginForm />
        </Suspense>
      </div>
      <LocaleSwitcher />
    </main>
  );
}
