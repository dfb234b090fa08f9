"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { formatDateTime } from "@/lib/i18n/format";

import { SessionPanel } from "./session-panel";
import { StartSessionForm } from "./start-session-form";
import { useSessionView } from "./use-session-view";

export interface RunningSessionItem {
  code: string;
  customerName: string | null;
  startedAt: string;
  operatorName: string | null;
}

// How often the list of running sessions is reloaded from the server. The open session has its
// own, faster polling.
const RUNNING_LIST_REFRESH_MS = 30_000;

const inputClass = "rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input";
const cardClass =
  "rounded-tremor-default border border-tremor-border bg-white p-5 shadow-tremor-card";

/**
 * Renders the operator console, where the operator opens a session by code or from the running
 * ones, follows it while it runs, starts one by hand and ends it. The open code is kept in the
 * address (?code=), so a reload keeps it.
 */
export function SessionConsole(props: {
  running: RunningSessionItem[];
  initialCode: string | null;
}) {
  const t = useTranslations("sessions.console");
  const router = useRouter();
  const [code, setCode] = useState<string | null>(props.initialCode);
  const [typed, setTyped] = useState(props.initialCode ?? "");
  const { state, reload } = useSessionView(code);

  useEffect(() => {
    const timer = setInterval(() => router.refresh(), RUNNING_LIST_REFRESH_MS);

    return () => clearInterval(timer);
  }, [router]);

  function open(next: string) {
    const trimmed = next.trim();
    if (!trimmed) return;

    setTyped(trimmed);
    setCode(trimmed);
    if (trimmed === code) reload();
    window.history.replaceState(null, "", `?code=${encodeURIComponent(trimmed)}`);
  }

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="flex flex-col gap-6">
        <form
          role="search"
          aria-label={t("openTitle")}
          className={`${cardClass} flex flex-col gap-2`}
          onSubmit={(event) => {
            event.preventDefault();
            open(typed);
          }}
        >
          <label htmlFor="session-code" className="font-medium text-tremor-content-strong">
            {t("codeLabel")}
          </label>
          <div className="flex gap-2">
            <input
              id="session-code"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              placeholder={t("codePlaceholder")}
              autoComplete="off"
              className={`${inputClass} min-w-0 flex-1 font-mono`}
            />
            <button
              type="submit"
              className="rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis"
            >
              {t("open")}
            </button>
          </div>
        </form>

        <section className={cardClass} aria-labelledby="running-title">
          <h2 id="running-title" className="font-medium text-tremor-content-strong">
            {t("runningTitle", { count: props.running.length })}
          </h2>
          {props.running.length === 0 && (
            <p className="mt-2 text-tremor-default text-tremor-content">{t("runningEmpty")}</p>
          )}
          <ul className="mt-2 flex flex-col gap-1" data-testid="running-sessions">
            {props.running.map((item) => (
              <li key={item.code}>
                <button
                  type="button"
                  onClick={() => open(item.code)}
                  aria-current={item.code === code ? "true" : undefined}
                  className="flex w-full flex-col rounded-tremor-small px-3 py-2 text-left text-tremor-default hover:bg-tremor-background-subtle aria-[current]:bg-tremor-brand-faint"
                >
                  <span className="font-mono font-medium text-tremor-content-strong">
                    {item.code}
                  </span>
                  <span className="text-tremor-content">
                    {item.customerName ?? t("noCustomer")} ·{" "}
                    {formatDateTime(new Date(item.startedAt))}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>

        <section className={cardClass} aria-labelledby="start-title">
          <h2 id="start-title" className="mb-3 font-medium text-tremor-content-strong">
            {t("startTitle")}
          </h2>
          <StartSessionForm
            onStarted={(started) => {
              open(started);
              router.refresh();
            }}
          />
        </section>
      </div>

      {/* On narrow screens the open session comes first, above the forms. */}
      <div className="order-first lg:order-none lg:col-span-2">
        {state.kind === "idle" && (
          <div className={`${cardClass} text-tremor-content`}>{t("nothingOpen")}</div>
        )}
        {state.kind === "loading" && (
          <div className={`${cardClass} text-tremor-content`}>{t("loading")}</div>
        )}
        {state.kind === "error" && (
          <div className={cardClass} data-testid="console-error">
            <p role="alert" className="text-red-700">
              {state.message}
            </p>
          </div>
        )}
        {state.kind === "ready" && (
          <SessionPanel
            view={state.view}
            receivedAt={state.receivedAt}
            stale={state.stale}
            onChanged={() => {
              reload();
              router.refresh();
            }}
          />
        )}
      </div>
    </div>
  );
}
