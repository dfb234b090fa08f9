import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";

import { requirePagePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { getGlobalBillingRules } from "@/lib/db/sessions";
import { DEFAULT_BILLING_RULES } from "@/lib/domain/billing-rules";
import { BillingRulesForm } from "@/components/settings/billing-rules-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sessions.settings"))("title") };
}

export default async function BillingSettingsPage() {
  await requirePagePermission("manageBillingRules");
  const t = await getTranslations("sessions.settings");

  const rules = await getGlobalBillingRules(getDb());

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <div>
        <h1 className="text-tremor-title font-semibold text-tremor-content-strong">{t("title")}</h1>
        <p className="text-tremor-content">{t("intro")}</p>
      </div>
      <Card>
        <BillingRulesForm
          endpoint="/api/settings/billing-rules"
          title={t("title")}
          emptyMeans={t("emptyMeansDefault")}
          rules={rules}
          inherited={{ ...DEFAULT_BILLING_RULES }}
        />
      </Card>
    </div>
  );
}
