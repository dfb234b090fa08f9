"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("auth");

  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="rounded-tremor-small px-3 py-1.5 text-tremor-default text-tremor-content hover:bg-tremor-background-subtle"
    >
      {t("signOut")}
    </button>
  );
}
