"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

export const PAGE_SIZE = 50;

/** Pages through `rows` in the browser, PAGE_SIZE at a time, and returns the visible slice. */
export function usePagedRows<T>(rows: T[]) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);

  return {
    visible: rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE),
    page: current,
    pages,
    setPage,
  };
}

/** Previous and next buttons for a table paged with usePagedRows; nothing for a single page. */
export function PageControls(props: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  const common = useTranslations("common");
  const { page, pages } = props;
  if (pages <= 1) return null;

  return (
    <div className="flex items-center gap-3 text-tremor-default">
      <button
        type="button"
        disabled={page === 0}
        onClick={() => props.onPage(page - 1)}
        className="rounded-tremor-small border border-tremor-border px-3 py-1 disabled:opacity-50"
      >
        {common("pagination.previous")}
      </button>
      <span>{common("pagination.page", { page: page + 1, pages })}</span>
      <button
        type="button"
        disabled={page >= pages - 1}
        onClick={() => props.onPage(page + 1)}
        className="rounded-tremor-small border border-tremor-border px-3 py-1 disabled:opacity-50"
      >
        {common("pagination.next")}
      </button>
    </div>
  );
}
