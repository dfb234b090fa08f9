"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { formatMinutes } from "@/lib/i18n/format";
import { sendJson } from "@/components/ui/send-json";

type Decision = "CONTINUE" | "ASK_TOP_UP";

const DECISIONS: Decision[] = ["CONTINUE", "ASK_TOP_UP"];

/**
 * Renders the warning shown when a prepaid customer's credit is used up during a session, with
 * the two choices the operator records on it. A recorded choice can be changed while the session
 * runs, and the audit trail keeps each one.
 */
export function ExhaustedCreditPanel(props: {
  code: string;
  customerName: string;
  projectedResidual: number;
  exhausted: boolean;
  decision: Decision | null;
  running: boolean;
  onRecorded: () => void;
}) {
  const t = useTranslations("sessions.exhausted");
  const [pending, setPending] = useState<Decision | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The choice is asked for only while the session runs. Afterwards the panel only reports it.
  const asking = props.running && props.exhausted;

  async function record(decision: Decision) {
    setPending(decision);
    setError(null);
    const result = await sendJson(
      `/api/sessions/${encodeURIComponent(props.code)}/exhausted-credit`,
      {
        method: "POST",
        body: { decision },
        networkMessage: t("networkError"),
        fallbackMessage: t("failed"),
      },
    );
    setPending(null);

    if (!result.ok) {
      setError(result.message);
      return;
    }
    props.onRecorded();
  }

  return (
    <section
      aria-labelledby="exhausted-title"
      className={`rounded-tremor-small border p-4 ${
        asking ? "border-red-300 bg-red-50" : "border-tremor-border bg-tremor-background-muted"
      }`}
      data-testid="exhausted-credit"
    >
      {asking && (
        <>
          <h3 id="exhausted-title" className="text-lg font-semibold text-red-800">
            {t("title")}
          </h3>
          <p className="mt-1 text-red-900">
            {t("text", {
              customer: props.customerName,
              minutes: formatMinutes(props.projectedResidual),
            })}
          </p>
        </>
      )}
      {!asking && (
        <h3 id="exhausted-title" className="font-medium text-tremor-content-strong">
          {t("earlierTitle")}
        </h3>
      )}

      {props.decision && (
        <p className="mt-2 font-medium text-tremor-content-strong" data-testid="exhausted-decision">
          {t("recorded", { decision: t(`decision.${props.decision}`) })}
        </p>
      )}

      {asking && (
        <div className="mt-3 flex flex-wrap gap-2">
          {!props.decision && <p className="w-full text-red-900">{t("question")}</p>}
          {DECISIONS.map((decision) => (
            <button
              key={decision}
              type="button"
              disabled={pending !== null || props.decision === decision}
              aria-pressed={props.decision === decision}
              onClick={() => record(decision)}
              className={`rounded-tremor-small px-4 py-2 font-medium disabled:opacity-60 ${
                decision === "CONTINUE"
                  ? "bg-red-700 text-white hover:bg-red-800"
                  : "border border-red-300 bg-white text-red-800 hover:bg-red-100"
              }`}
            >
              {t(`action.${decision}`)}
            </button>
          ))}
        </div>
      )}

      {error && (
        <p role="alert" className="mt-2 text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
