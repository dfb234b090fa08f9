import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";

import { requirePagePermission } from "@/lib/auth/guards";
import { listApiKeys } from "@/lib/db/api-keys";
import { getDb } from "@/lib/db/client";
import { ApiKeyForm } from "@/components/api-keys/api-key-form";
import { ApiKeyTable, type ApiKeyRow } from "@/components/api-keys/api-key-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiKeys");

  return { title: t("title") };
}

export default async function ApiKeysPage() {
  await requirePagePermission("manageApiKeys");
  const t = await getTranslations("apiKeys");

  const keys = await listApiKeys(getDb());
  const rows: ApiKeyRow[] = keys.map((key) => ({
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  }));

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-tremor-title font-semibold text-tremor-content-strong">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-tremor-default text-tremor-content">{t("intro")}</p>
        <a
          href="/api/v1/openapi.json"
          className="text-tremor-default text-tremor-brand hover:underline"
        >
          {t("documentation")}
        </a>
      </div>
      <Card>
        <h2 className="mb-3 font-medium text-tremor-content-strong">{t("form.title")}</h2>
        <ApiKeyForm />
      </Card>
      <Card className="p-0">
        <h2 className="px-6 pt-4 font-medium text-tremor-content-strong">{t("table.title")}</h2>
        <ApiKeyTable rows={rows} />
      </Card>
    </div>
  );
}
