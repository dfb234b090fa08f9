"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { sendJson } from "@/components/ui/send-json";

/**
 * Ends a running session now. A confirmation comes first, because ending charges the customer and
 * the console cannot undo it.
 */
export function EndSessionControl(props: { code: string; onEnded: () => void }) {
  const t = useTranslations("sessions.end");
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function end() {
    setPending(true);
    setError(null);
    const result = await sendJson(`/api/sessions/${encodeURIComponent(props.code)}/end`, {
      method: "POST",
      networkMessage: t("networkError"),
      fallbackMessage: t("failed"),
    });
    setPending(false);

    if (!result.ok) {
      setError(result.message);
      return;
    }
    setConfirming(false);
    props.onEnded();
  }

  return (
    <div className="flex flex-wrap items-center gap-3 border-t border-tremor-border pt-4">
      {!confirming && (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className="rounded-tremor-small border border-tremor-border px-4 py-2 font-medium text-tremor-content-strong hover:bg-tremor-background-subtle"
        >
          {t("action")}
        </button>
      )}
      {confirming && (
        <>
          <span className="text-tremor-content-strong">{t("confirm", { code: props.code })}</span>
          <button
            type="button"
            disabled={pending}
            onClick={end}
            className="rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis disabled:opacity-60"
          >
            {t("confirmAction")}
          </button>
          <button
            type="button"
            disabled={pending}
            onClick={() => setConfirming(false)}
            className="rounded-tremor-small px-3 py-2 text-tremor-content hover:bg-tremor-background-subtle"
          >
            {t("cancel")}
          </button>
        </>
      )}
      {error && (
        <p role="alert" className="w-full text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
