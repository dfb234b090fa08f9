"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { MANUAL_LEDGER_KINDS } from "@/lib/domain/ledger";
import { formatMinutes } from "@/lib/i18n/format";

interface Props {
  customerId: string;
  contracts: { id: string; number: string }[];
}

interface FormErrors {
  message?: string;
  fields: Record<string, string>;
}

const inputClass = "rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input";

/** Renders the admin's form for a top-up, a postpaid billing or an adjustment, and refreshes the page on success. */
export function LedgerEntryForm({ customerId, contracts }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [success, setSuccess] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));

    setPending(true);
    setSuccess(null);
    const response = await fetch(`/api/customers/${customerId}/ledger-entries`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(data),
    }).catch(() => null);
    setPending(false);

    if (!response) {
      setErrors({ message: t("customers.entryForm.networkError"), fields: {} });
      return;
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const fields: Record<string, string> = {};
      for (const issue of body?.error?.fields ?? []) fields[issue.field] = issue.message;
      setErrors({ message: body?.error?.message ?? t("errors.internal"), fields });
      return;
    }

    setErrors({ fields: {} });
    setSuccess(t("customers.entryForm.recorded", { balance: formatMinutes(body.balanceAfter) }));
    form.reset();
    router.refresh();
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid gap-3 sm:grid-cols-2"
      aria-label={t("customers.entryForm.title")}
    >
      <Field id="entry-kind" label={t("customers.entryForm.kind")}>
        <select id="entry-kind" name="kind" defaultValue="TOP_UP" className={inputClass}>
          {MANUAL_LEDGER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`common.ledgerKind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="entry-minutes"
        label={t("customers.entryForm.minutes")}
        hint={t("customers.entryForm.minutesHint")}
        error={errors.fields.minutes}
      >
        <input
          id="entry-minutes"
          name="minutes"
          inputMode="numeric"
          className={inputClass}
          aria-invalid={Boolean(errors.fields.minutes)}
          aria-describedby="entry-minutes-hint entry-minutes-error"
        />
      </Field>
      <Field
        id="entry-contract"
        label={t("customers.entryForm.contract")}
        error={errors.fields.contractId}
      >
        <select id="entry-contract" name="contractId" defaultValue="" className={inputClass}>
          <option value="">{t("customers.entryForm.noContract")}</option>
          {contracts.map((contract) => (
            <option key={contract.id} value={contract.id}>
              {contract.number}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="entry-expires"
        label={t("customers.entryForm.expiresOn")}
        hint={t("customers.entryForm.expiresOnHint")}
        error={errors.fields.expiresOn}
      >
        <input
          id="entry-expires"
          name="expiresOn"
          type="date"
          className={inputClass}
          aria-invalid={Boolean(errors.fields.expiresOn)}
          aria-describedby="entry-expires-hint entry-expires-error"
        />
      </Field>
      <Field
        id="entry-comment"
        label={t("customers.entryForm.comment")}
        error={errors.fields.comment}
      >
        <input id="entry-comment" name="comment" maxLength={500} className={inputClass} />
      </Field>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis disabled:opacity-60"
        >
          {t("customers.entryForm.submit")}
        </button>
        {errors.message && (
          <p role="alert" className="text-tremor-default text-red-700">
            {errors.message}
          </p>
        )}
        {success && (
          <p role="status" className="text-tremor-default text-emerald-700">
            {success}
          </p>
        )}
      </div>
    </form>
  );
}

/** Renders a labelled form control with an optional hint and error, both linked by id. */
function Field(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1 text-tremor-default">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <span id={`${props.id}-hint`} className="text-tremor-label text-tremor-content">
          {props.hint}
        </span>
      )}
      {props.error && (
        <span id={`${props.id}-error`} className="text-tremor-label text-red-700">
          {props.error}
        </span>
      )}
    </div>
  );
}
