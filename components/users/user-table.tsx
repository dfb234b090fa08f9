"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { type Role, ROLES } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/i18n/format";
import { DataTable } from "@/components/ui/data-table";
import { sendJson } from "@/components/ui/send-json";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  // ISO 8601 instant, since the rows come from a server component.
  lastLoginAt: string | null;
}

/** Lists users and lets the admin change a role or deactivate and reactivate a user. */
export function UserTable({ rows, currentUserId }: { rows: UserRow[]; currentUserId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);

  async function update(row: UserRow, change: { role: Role } | { active: boolean }) {
    setPendingId(row.id);
    const result = await sendJson(`/api/users/${row.id}`, {
      method: "PATCH",
      body: change,
      networkMessage: t("users.networkError"),
      fallbackMessage: t("errors.internal"),
    });
    setPendingId(null);

    setError(result.ok ? null : result.message);
    router.refresh();
  }

  function toggleActive(row: UserRow) {
    const question = row.active ? "users.table.confirmDeactivate" : "users.table.confirmReactivate";
    if (!window.confirm(t(question, { name: row.name }))) return;

    void update(row, { active: !row.active });
  }

  return (
    <DataTable
      error={error}
      columns={[
        t("users.table.name"),
        t("users.table.email"),
        t("users.table.role"),
        t("users.table.lastLoginAt"),
        t("users.table.status"),
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id} className="border-t border-tremor-border" data-testid="user-row">
          <td className="py-2 pr-4 font-medium text-tremor-content-strong">
            {row.name}
            {row.id === currentUserId && (
              <span className="ml-1 text-tremor-content">{t("users.table.you")}</span>
            )}
          </td>
          <td className="py-2 pr-4">{row.email}</td>
          <td className="py-2 pr-4">
            <select
              aria-label={t("users.table.roleOf", { name: row.name })}
              value={row.role}
              disabled={pendingId === row.id}
              onChange={(event) => void update(row, { role: event.target.value as Role })}
              className="rounded-tremor-small border border-tremor-border px-2 py-1"
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`common.roles.${role}`)}
                </option>
              ))}
            </select>
          </td>
          <td className="py-2 pr-4">
            {row.lastLoginAt ? formatDateTime(new Date(row.lastLoginAt)) : t("common.none")}
          </td>
          <td className="py-2 pr-4">{statusLabel(row, t)}</td>
          <td className="py-2 text-right">
            <button
              type="button"
              disabled={pendingId === row.id}
              onClick={() => toggleActive(row)}
              className="text-tremor-brand hover:underline disabled:opacity-60"
            >
              {row.active ? t("users.table.deactivate") : t("users.table.reactivate")}
            </button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function statusLabel(row: UserRow, t: ReturnType<typeof useTranslations>): string {
  if (!row.active) return t("users.table.inactive");
  if (row.mustChangePassword) return t("users.table.temporaryPassword");

  return t("users.table.active");
}
