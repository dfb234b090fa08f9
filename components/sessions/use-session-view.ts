"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import type { SessionViewBody } from "@/lib/http/session-view-body";
import { sendJson } from "@/components/ui/send-json";

// How often a running session is reloaded. The elapsed clock ticks every second in between, and
// the projected minutes change at most once a minute, so the exhausted-credit warning shows up
// about five seconds after the credit runs out.
export const POLL_INTERVAL_MS = 5_000;

export type SessionViewState =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "error"; message: string }
  // `stale` is set when a reload failed. The last view then stays on screen and polling goes on.
  | { kind: "ready"; view: SessionViewBody; receivedAt: number; stale: boolean };

/**
 * Loads the console view of session `code` and reloads it every POLL_INTERVAL_MS while the session
 * runs. `reload` fetches it again at once, after the operator changed something.
 */
export function useSessionView(code: string | null) {
  const t = useTranslations("sessions.console");
  const [state, setState] = useState<{ code: string | null; value: SessionViewState }>({
    code: null,
    value: { kind: "idle" },
  });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!code) return;

    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function load(sessionCode: string) {
      const result = await sendJson<SessionViewBody>(
        `/api/sessions/${encodeURIComponent(sessionCode)}/view`,
        {
          method: "GET",
          networkMessage: t("networkError"),
          fallbackMessage: t("loadFailed"),
          signal: controller.signal,
        },
      ).catch(() => null);
      // Null: the request was aborted because the code changed or the console closed.
      if (!result || controller.signal.aborted) return;

      if (result.ok) {
        const value: SessionViewState = {
          kind: "ready",
          view: result.data,
          receivedAt: Date.now(),
          stale: false,
        };
        setState({ code: sessionCode, value });
        if (result.data.session.status === "RUNNING") {
          timer = setTimeout(() => load(sessionCode), POLL_INTERVAL_MS);
        }
        return;
      }

      // A lost connection or a server error may pass, so the last view stays and polling goes on.
      // Any other error (unknown code, no permission) will not change by asking again.
      const transient = result.status === 0 || result.status >= 500;
      setState((previous) =>
        transient && previous.code === sessionCode && previous.value.kind === "ready"
          ? { code: sessionCode, value: { ...previous.value, stale: true } }
          : { code: sessionCode, value: { kind: "error", message: result.message } },
      );
      if (transient) timer = setTimeout(() => load(sessionCode), POLL_INTERVAL_MS);
    }

    void load(code);

    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [code, version, t]);

  // Until the first response for a new code arrives, the console shows it loading rather than the
  // previous session.
  let value: SessionViewState = { kind: "idle" };
  if (code) value = state.code === code ? state.value : { kind: "loading" };

  return { state: value, reload: () => setVersion((current) => current + 1) };
}

/** Returns the current time, updated every second while `active`. */
export function useClock(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!active) return;

    const timer = setInterval(() => setNow(Date.now()), 1_000);

    return () => clearInterval(timer);
  }, [active]);

  return now;
}
