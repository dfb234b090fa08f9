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

/** The admin's form for a top-up, a postpaid billing or an adjustment; the page refreshes on success. */
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
      <label className="flex flex-col gap-1 text-tremor-default">
        {t("customers.entryForm.kind")}
        <select name="kind" defaultValue="TOP_UP" className={inputClass}>
          {MANUAL_LEDGER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`common.ledgerKind.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-tremor-default">
        {t("customers.entryForm.minutes")}
        <input
          name="minutes"
          inputMode="numeric"
          className={inputClass}
          aria-invalid={Boolean(errors.fields.minutes)}
        />
        <span className="text-tremor-label text-tremor-content">
          {t("customers.entryForm.minutesHint")}
        </span>
        {errors.fields.minutes && (
          <span className="text-tremor-label text-red-700">{errors.fields.minutes}</span>
        )}
      </label>
      <label className="flex flex-col gap-1 text-tremor-default">
        {t("customers.entryForm.contract")}
        <select name="contractId" defaultValue="" className={inputClass}>
          <option value="">{t("customers.entryForm.noContract")}</option>
          {contracts.map((contract) => (
            <option key={contract.id} value={contract.id}>
              {contract.number}
            </option>
          ))}
        </select>
        {errors.fields.contractId && (
          <span className="text-tremor-label text-red-700">{errors.fields.contractId}</span>
        )}
      </label>
      <label className="flex flex-col gap-1 text-tremor-default">
        {t("customers.entryForm.comment")}
        <input name="comment" maxLength={500} className={inputClass} />
        {errors.fields.comment && (
          <span className="text-tremor-label text-red-700">{errors.fields.comment}</span>
        )}
      </label>
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
