import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";

import { requirePageUser } from "@/lib/auth/guards";
import { ChangePasswordForm } from "@/components/users/change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users.account");

  return { title: t("title") };
}

// Every signed-in user may open this page, also with a temporary password.
export default async function AccountPage() {
  const user = await requirePageUser();
  const t = await getTranslations();

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-tremor-title font-semibold text-tremor-content-strong">
          {t("users.account.title")}
        </h1>
        <p className="mt-1 text-tremor-default text-tremor-content">
          {user.name} · {user.email} · {t(`common.roles.${user.role}`)}
        </p>
      </div>
      {user.mustChangePassword && (
        <p
          role="note"
          className="max-w-3xl rounded-tremor-default border border-amber-300 bg-amber-50 p-4 text-tremor-default text-amber-900"
        >
          {t("users.account.mustChange")}
        </p>
      )}
      <Card className="max-w-xl">
        <h2 className="mb-3 font-medium text-tremor-content-strong">
          {t("users.account.passwordTitle")}
        </h2>
        <ChangePasswordForm mustChange={user.mustChangePassword} />
      </Card>
    </div>
  );
}
