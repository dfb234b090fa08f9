import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";

import { requirePagePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { listUsers } from "@/lib/db/users";
import { InviteUserForm } from "@/components/users/invite-user-form";
import { type UserRow, UserTable } from "@/components/users/user-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");

  return { title: t("title") };
}

export default async function UsersPage() {
  const currentUser = await requirePagePermission("manageUsers");
  const t = await getTranslations("users");

  const users = await listUsers(getDb());
  const rows: UserRow[] = users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  }));

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-tremor-title font-semibold text-tremor-content-strong">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-tremor-default text-tremor-content">{t("intro")}</p>
      </div>
      <Card>
        <h2 className="mb-3 font-medium text-tremor-content-strong">{t("invite.title")}</h2>
        <InviteUserForm />
      </Card>
      <Card className="p-0">
        <h2 className="px-6 pt-4 font-medium text-tremor-content-strong">{t("table.title")}</h2>
        <UserTable rows={rows} currentUserId={currentUser.id} />
      </Card>
    </div>
  );
}
