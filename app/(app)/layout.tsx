import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { getCurrentUser } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { needsSetup } from "@/lib/db/setup";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { NavLinks } from "@/components/layout/nav-links";
import { navigationFor } from "@/components/layout/navigation";
import { SignOutButton } from "@/components/layout/sign-out-button";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  if (await needsSetup(getDb())) redirect("/setup");
  const user = await getCurrentUser();
  if (!user) redirect("/login");

  const t = await getTranslations("common");
  // A temporary password opens only the account page, so no other area is offered.
  const allowed = user.mustChangePassword ? [] : navigationFor(user.role);
  const items = allowed.map((item) => ({
    href: item.href,
    label: t(`nav.${item.label}`),
  }));

  return (
    <div className="min-h-screen">
      <header className="border-b border-tremor-border bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
          <span className="font-semibold text-tremor-content-strong">{t("appName")}</span>
          <NavLinks items={items} />
          <div className="ml-auto flex items-center gap-3">
            <Link
              href="/account"
              className="text-tremor-default text-tremor-content hover:underline"
              data-testid="current-user"
            >
              {user.name} · {t(`roles.${user.role}`)}
            </Link>
            <LocaleSwitcher />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
