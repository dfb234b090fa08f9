"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";

import type { BalanceLookupResult } from "@/lib/db/balance-lookup";
import { formatMinutes } from "@/lib/i18n/format";
import { sendJson } from "@/components/ui/send-json";

export type PickedCustomer = Pick<
  BalanceLookupResult,
  "id" | "code" | "name" | "billingMode" | "balanceMinutes"
>;

// Waits this long after the last keystroke before searching.
const TYPING_PAUSE_MS = 250;

const inputClass =
  "w-full rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input";

/**
 * Renders a search field that finds customers by code or name through /api/lookup and lets the
 * user pick one. `error` is shown under the field, for example the server's message for it.
 */
export function CustomerPicker(props: {
  label: string;
  selected: PickedCustomer | null;
  onSelect: (customer: PickedCustomer | null) => void;
  error?: string;
}) {
  const t = useTranslations("sessions.picker");
  const common = useTranslations("common");
  const fieldId = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<{ query: string; customers: PickedCustomer[] }>();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const text = query.trim();
    if (!text) return;

    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const result = await sendJson<{ results: PickedCustomer[] }>(
        `/api/lookup?q=${encodeURIComponent(text)}`,
        {
          method: "GET",
          networkMessage: t("failed"),
          fallbackMessage: t("failed"),
          signal: controller.signal,
        },
      ).catch(() => null);
      if (!result || controller.signal.aborted) return;

      setFailure(result.ok ? null : result.message);
      setResults({ query: text, customers: result.ok ? result.data.results : [] });
    }, TYPING_PAUSE_MS);

    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, t]);

  if (props.selected) {
    const customer = props.selected;

    return (
      <div className="flex flex-col gap-1 text-tremor-default">
        <span>{props.label}</span>
        <div
          className="flex flex-wrap items-center gap-2 rounded-tremor-small border border-tremor-brand-muted bg-tremor-brand-faint px-3 py-2"
          data-testid="picked-customer"
        >
          <span className="font-medium text-tremor-content-strong">{customer.name}</span>
          <span className="font-mono text-tremor-content">{customer.code}</span>
          <span className="text-tremor-content">
            · {common(`billingMode.${customer.billingMode}`)} ·{" "}
            {t("balance", { minutes: formatMinutes(customer.balanceMinutes) })}
          </span>
          <button
            type="button"
            onClick={() => props.onSelect(null)}
            className="ml-auto text-tremor-brand hover:underline"
          >
            {t("change")}
          </button>
        </div>
        {props.error && <span className="text-tremor-label text-red-700">{props.error}</span>}
      </div>
    );
  }

  const text = query.trim();
  const matches = text && results?.query === text ? results.customers : null;

  return (
    <div className="flex flex-col gap-1 text-tremor-default">
      <label htmlFor={fieldId}>{props.label}</label>
      <input
        id={fieldId}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder={t("placeholder")}
        aria-invalid={Boolean(props.error)}
        autoComplete="off"
        className={inputClass}
      />
      {props.error && <span className="text-tremor-label text-red-700">{props.error}</span>}
      {text && failure && <span className="text-tremor-label text-red-700">{failure}</span>}
      {matches && matches.length === 0 && !failure && (
        <span className="text-tremor-label text-tremor-content">
          {t("noMatch", { query: text })}
        </span>
      )}
      {matches && matches.length > 0 && (
        <ul
          aria-label={t("results")}
          className="max-h-60 overflow-y-auto rounded-tremor-small border border-tremor-border bg-white shadow-tremor-dropdown"
        >
          {matches.map((customer) => (
            <li key={customer.id}>
              <button
                type="button"
                onClick={() => {
                  props.onSelect(customer);
                  setQuery("");
                }}
                className="flex w-full flex-wrap gap-x-2 px-3 py-2 text-left hover:bg-tremor-background-subtle"
              >
                <span className="font-mono text-tremor-content">{customer.code}</span>{" "}
                <span className="font-medium text-tremor-content-strong">{customer.name}</span>{" "}
                <span className="ml-auto tabular-nums text-tremor-content">
                  {t("balance", { minutes: formatMinutes(customer.balanceMinutes) })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
