"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

import { describeBillingExplanation } from "@/lib/domain/billing-explanation";
import type { SessionViewBody } from "@/lib/http/session-view-body";
import { formatDateTime, formatDuration, formatMinutes, formatTime } from "@/lib/i18n/format";

import { EndSessionControl } from "./end-session-control";
import { ExhaustedCreditPanel } from "./exhausted-credit-panel";
import { useClock } from "./use-session-view";

const cardClass =
  "rounded-tremor-default border border-tremor-border bg-white p-5 shadow-tremor-card";

/** Renders what the console shows of one session, with the elapsed clock ticking while it runs. */
export function SessionPanel(props: {
  view: SessionViewBody;
  receivedAt: number;
  stale: boolean;
  onChanged: () => void;
}) {
  const t = useTranslations("sessions");
  const common = useTranslations("common");
  const { session, customer, contract, projection } = props.view;
  const running = session.status === "RUNNING";
  const now = useClock(running);
  const sinceLoad = Math.max(0, Math.floor((now - props.receivedAt) / 1000));
  const elapsed = (projection?.elapsedSeconds ?? session.seconds ?? 0) + (running ? sinceLoad : 0);
  const explanation = describeBillingExplanation(t, session.billingRule);
  const billed = session.billedMinutes ?? 0;

  return (
    <section
      className={`${cardClass} flex flex-col gap-5`}
      aria-labelledby="session-title"
      data-testid="session-panel"
    >
      <header className="flex flex-wrap items-center gap-3">
        <h2
          id="session-title"
          className="text-tremor-title font-semibold text-tremor-content-strong"
        >
          {t("console.sessionTitle", { code: session.code })}
        </h2>
        <span
          className={`rounded-tremor-full px-2.5 py-0.5 text-tremor-label font-medium ${
            running ? "bg-emerald-100 text-emerald-800" : "bg-gray-100 text-gray-700"
          }`}
          data-testid="session-status"
        >
          {t(`status.${session.status}`)}
        </span>
        <span className="text-tremor-default text-tremor-content">
          {t(`source.${session.source}`)} · {t("console.startedAt")}{" "}
          {formatDateTime(new Date(session.startedAt))}
          {session.operatorName && ` · ${session.operatorName}`}
        </span>
      </header>

      {props.stale && (
        <p className="rounded-tremor-small bg-amber-50 px-3 py-2 text-tremor-default text-amber-800">
          {t("console.stale")}
        </p>
      )}

      {customer === null ? (
        <div
          className="rounded-tremor-small border border-amber-300 bg-amber-50 p-4"
          data-testid="inbox-notice"
        >
          <p className="font-medium text-amber-900">{t("console.inboxTitle")}</p>
          <p className="mt-1 text-tremor-default text-amber-900">{t("console.inboxText")}</p>
          <Link href="/sessions/inbox" className="mt-2 inline-block text-tremor-brand underline">
            {t("console.inboxLink")}
          </Link>
        </div>
      ) : (
        <dl className="grid gap-x-6 gap-y-2 text-tremor-default sm:grid-cols-[max-content_1fr]">
          <dt className="text-tremor-content">{t("console.customer")}</dt>
          <dd data-testid="session-customer">
            <span className="font-medium text-tremor-content-strong">{customer.name}</span>{" "}
            <span className="font-mono text-tremor-content">{customer.code}</span> ·{" "}
            {common(`billingMode.${customer.billingMode}`)}
          </dd>
          <dt className="text-tremor-content">{t("console.contract")}</dt>
          <dd>{contract?.number ?? t("console.noContract")}</dd>
        </dl>
      )}

      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {props.view.residualBeforeMinutes !== null && (
          <Metric
            label={t("console.residualBefore")}
            value={formatMinutes(props.view.residualBeforeMinutes)}
            testId="residual-before"
            negative={props.view.residualBeforeMinutes <= 0}
          />
        )}
        <Metric
          label={running ? t("console.elapsed") : t("console.realDuration")}
          value={formatDuration(elapsed)}
          testId="elapsed"
        />
        {projection && (
          <Metric
            label={running ? t("console.projectedMinutes") : t("console.billedMinutes")}
            value={formatMinutes(projection.projectedMinutes)}
            testId="projected-minutes"
          />
        )}
        {projection && (
          <Metric
            label={running ? t("console.projectedResidual") : t("console.residualAfter")}
            value={formatMinutes(projection.projectedResidualMinutes)}
            testId="projected-residual"
            negative={
              customer?.billingMode === "PREPAID" && projection.projectedResidualMinutes <= 0
            }
          />
        )}
      </div>

      {customer?.billingMode === "POSTPAID" && (
        <p className="text-tremor-default text-tremor-content">{t("console.postpaid")}</p>
      )}

      {customer && projection && (projection.exhausted || session.exhaustedCredit) && (
        <ExhaustedCreditPanel
          code={session.code}
          customerName={customer.name}
          projectedResidual={projection.projectedResidualMinutes}
          exhausted={projection.exhausted}
          decision={session.exhaustedCredit}
          running={running}
          onRecorded={props.onChanged}
        />
      )}

      {!running && (
        <div
          className="rounded-tremor-small bg-tremor-background-muted p-4"
          data-testid="billing-result"
        >
          <p className="font-medium text-tremor-content-strong">
            {t(customer ? "console.billed" : "console.billedWhenAssigned", {
              count: billed,
              minutes: formatMinutes(billed),
            })}
          </p>
          <p className="mt-1 text-tremor-default text-tremor-content" data-testid="billing-rule">
            {!session.billable ? t("console.notBillable") : (explanation ?? t("console.noRule"))}
          </p>
        </div>
      )}

      {running && <EndSessionControl code={session.code} onEnded={props.onChanged} />}

      <p className="text-tremor-label text-tremor-content-subtle">
        {t("console.updatedAt", { time: formatTime(new Date(props.receivedAt)) })}
      </p>
    </section>
  );
}

function Metric(props: { label: string; value: string; testId: string; negative?: boolean }) {
  return (
    <div className="rounded-tremor-small border border-tremor-border p-3">
      <p className="text-tremor-label text-tremor-content">{props.label}</p>
      <p
        className={`mt-1 text-2xl font-semibold tabular-nums ${props.negative ? "text-red-700" : "text-tremor-content-strong"}`}
        data-testid={props.testId}
      >
        {props.value}
      </p>
    </div>
  );
}
