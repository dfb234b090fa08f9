import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { formatInteger } from "@/lib/i18n/format";

/** Previous/next links that keep the other search parameters of `basePath`. */
export async function Pagination(props: {
  basePath: string;
  params: Record<string, string | undefined>;
  page: number;
  pages: number;
}) {
  const t = await getTranslations("common.pagination");
  const hrefFor = (page: number) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(props.params)) {
      if (value) search.set(key, value);
    }
    search.set("page", String(page));

    return `${props.basePath}?${search.toString()}`;
  };
  const linkClass =
    "rounded-tremor-small border border-tremor-border px-3 py-1.5 hover:bg-tremor-background-subtle";

  return (
    <nav
      aria-label={t("label")}
      className="mt-4 flex items-center justify-between text-tremor-default"
    >
      {props.page > 1 ? (
        <Link href={hrefFor(props.page - 1)} className={linkClass}>
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-tremor-content">
        {t("page", { page: formatInteger(props.page), pages: formatInteger(props.pages) })}
      </span>
      {props.page < props.pages ? (
        <Link href={hrefFor(props.page + 1)} className={linkClass}>
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

// Larger page numbers are treated as invalid; no list here has that many pages.
const MAX_PAGE = 1_000_000;

/** Reads a 1-based page number from a search parameter; anything invalid is page 1. */
export function parsePage(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value;
  const page = /^\d{1,7}$/.test(text ?? "") ? Number(text) : 1;

  return page >= 1 && page <= MAX_PAGE ? page : 1;
}
