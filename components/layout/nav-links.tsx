"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

import { activeHref } from "./navigation";

export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const t = useTranslations("common");
  const pathname = usePathname();
  const current = activeHref(
    items.map((item) => item.href),
    pathname,
  );

  return (
    <nav aria-label={t("navLabel")} className="flex flex-wrap gap-1">
      {items.map((item) => {
        const active = item.href === current;

        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-tremor-small px-3 py-2 text-tremor-default font-medium ${
              active
                ? "bg-tremor-brand-faint text-tremor-brand-emphasis"
                : "text-tremor-content hover:bg-tremor-background-subtle"
            }`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
