"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import type { BalanceLookupResult } from "@/lib/db/balance-lookup";
import { formatMinutes } from "@/lib/i18n/format";

type State =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "done"; results: BalanceLookupResult[] };

// Waits this long after the last keystroke before asking the server.
const TYPING_PAUSE_MS = 250;

export function BalanceLookup() {
  const t = useTranslations("lookup");
  const [query, setQuery] = useState("");
  const [state, setState] = useState<State>({ kind: "idle" });

  useEffect(() => {
    const text = query.trim();
    if (!text) return;

    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState({ kind: "loading" });
      try {
        const response = await fetch(`/api/lookup?q=${encodeURIComponent(text)}`, {
          signal: controller.signal,
        });
        const body = await response.json();
        if (!response.ok) {
          setState({ kind: "error", message: body?.error?.message ?? t("failed") });
          return;
        }
        setState({ kind: "done", results: body.results });
      } catch {
        // An aborted request was replaced by a newer one; any other failure is shown.
        if (!controller.signal.aborted) setState({ kind: "error", message: t("failed") });
      }
    }, TYPING_PAUSE_MS);

    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, t]);

  // An emptied field shows nothing, whatever an earlier search returned.
  const shown: State = query.trim() ? state : { kind: "idle" };

  return (
    <div className="flex flex-col gap-4">
      <input
        type="search"
        autoFocus
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        aria-label={t("searchLabel")}
        placeholder={t("searchPlaceholder")}
        className="w-full rounded-tremor-default border border-tremor-border px-4 py-3 text-lg shadow-tremor-input"
      />
      {shown.kind === "loading" && <p className="text-tremor-content">{t("searching")}</p>}
      {shown.kind === "error" && (
        <p role="alert" className="text-red-700">
          {shown.message}
        </p>
      )}
      {shown.kind === "done" && shown.results.length === 0 && (
        <p className="text-tremor-content">{t("noMatch", { query: query.trim() })}</p>
      )}
      {shown.kind === "done" && (
        <ul className="grid gap-4 md:grid-cols-2">
          {shown.results.map((result) => (
            <LookupCard key={result.id} result={result} />
          ))}
        </ul>
      )}
    </div>
  );
}

const statusStyle = {
  EXHAUSTED: "border-red-300 bg-red-50",
  LOW: "border-amber-300 bg-amber-50",
  OK: "border-tremor-border bg-white",
} as const;

function LookupCard({ result }: { result: BalanceLookupResult }) {
  const t = useTranslations("lookup");
  const common = useTranslations("common");

  return (
    <li
      className={`rounded-tremor-default border p-5 shadow-tremor-card ${statusStyle[result.status]}`}
      data-testid="lookup-result"
    >
      <p className="font-medium text-tremor-content-strong">
        {result.name}
        {!result.active && (
          <span className="ml-2 rounded bg-gray-200 px-1.5 text-tremor-label text-gray-800">
            {t("inactive")}
          </span>
        )}
      </p>
      <p className="font-mono text-tremor-default text-tremor-content">
        {result.code} · {common(`billingMode.${result.billingMode}`)}
      </p>
      <p
        className={`mt-3 text-5xl font-bold tabular-nums ${result.balanceMinutes <= 0 ? "text-red-700" : "text-tremor-content-strong"}`}
        data-testid="lookup-balance"
      >
        {formatMinutes(result.balanceMinutes)}
      </p>
      <p className="text-tremor-default text-tremor-content">{t("minutesResidual")}</p>
      {result.status === "EXHAUSTED" && (
        <p role="alert" className="mt-3 font-medium text-red-800">
          {t("exhausted")}
        </p>
      )}
      {result.status === "LOW" && result.thresholdMinutes !== null && (
        <p role="alert" className="mt-3 font-medium text-amber-800">
          {t("low", { threshold: formatMinutes(result.thresholdMinutes) })}
        </p>
      )}
      {result.billingMode === "POSTPAID" && (
        <p className="mt-3 text-tremor-default text-tremor-content">{t("postpaid")}</p>
      )}
    </li>
  );
}
