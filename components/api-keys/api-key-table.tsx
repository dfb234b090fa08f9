"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

import type { ApiScope } from "@/lib/auth/api-key-secret";
import { formatDateTime } from "@/lib/i18n/format";
import { DataTable } from "@/components/ui/data-table";
import { sendJson } from "@/components/ui/send-json";

import { SCOPE_LABELS } from "./scope-labels";

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  // ISO 8601 instants, since the rows come from a server component.
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Lists API keys with their prefix, scopes and use, and revokes one after a confirmation. */
export function ApiKeyTable({ rows }: { rows: ApiKeyRow[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function revoke(row: ApiKeyRow) {
    if (!window.confirm(t("apiKeys.table.confirmRevoke", { name: row.name }))) return;

    const result = await sendJson(`/api/api-keys/${row.id}`, {
      method: "DELETE",
      networkMessage: t("apiKeys.form.networkError"),
      fallbackMessage: t("apiKeys.form.networkError"),
    });
    if (!result.ok) {
      setError(result.message);
      return;
    }

    setError(null);
    router.refresh();
  }

  const scopeLabel = (scope: string) =>
    scope in SCOPE_LABELS ? t(`apiKeys.scopes.${SCOPE_LABELS[scope as ApiScope]}`) : scope;

  if (rows.length === 0) {
    return (
      <p className="px-6 pb-4 text-tremor-default text-tremor-content">
        {t("apiKeys.table.empty")}
      </p>
    );
  }

  return (
    <DataTable
      error={error}
      columns={[
        t("apiKeys.table.name"),
        t("apiKeys.table.prefix"),
        t("apiKeys.table.scopes"),
        t("apiKeys.table.createdAt"),
        t("apiKeys.table.lastUsedAt"),
        t("apiKeys.table.status"),
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id} className="border-t border-tremor-border align-top">
          <td className="py-2 pr-4 font-medium text-tremor-content-strong">{row.name}</td>
          <td className="py-2 pr-4 font-mono">ab_{row.prefix}_…</td>
          <td className="py-2 pr-4">{row.scopes.map(scopeLabel).join(", ")}</td>
          <td className="py-2 pr-4">{formatDateTime(new Date(row.createdAt))}</td>
          <td className="py-2 pr-4">
            {row.lastUsedAt ? formatDateTime(new Date(row.lastUsedAt)) : t("apiKeys.table.never")}
          </td>
          <td className="py-2 pr-4">
            {row.revokedAt
              ? t("apiKeys.table.revoked", { date: formatDateTime(new Date(row.revokedAt)) })
              : t("apiKeys.table.active")}
          </td>
          <td className="py-2 text-right">
            {!row.revokedAt && (
              <button
                type="button"
                onClick={() => revoke(row)}
                className="rounded-tremor-small border border-red-300 px-3 py-1 text-red-700 hover:bg-red-50"
              >
                {t("apiKeys.table.revoke")}
              </button>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
