"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { FormField } from "@/components/ui/form-field";
import { sendJson } from "@/components/ui/send-json";

const inputClass = "rounded-tremor-small border border-tremor-border px-2 py-1 shadow-tremor-input";

/** Renders the admin's "Reverse" button of one ledger entry, which opens a form for the reason. */
export function ReverseEntryControl({ entryId }: { entryId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; reason?: string } | null>(null);

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="text-tremor-default text-tremor-brand hover:underline"
      >
        {t("customers.reversal.open")}
      </button>
    );
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");

    setPending(true);
    const result = await sendJson(`/api/ledger-entries/${entryId}/reversal`, {
      method: "POST",
      body: { reason },
      networkMessage: t("customers.entryForm.networkError"),
      fallbackMessage: t("errors.internal"),
    });
    setPending(false);
    if (!result.ok) {
      setError({ message: result.message, reason: result.fields.reason });
      return;
    }

    setError(null);
    setOpen(false);
    router.refresh();
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t("customers.reversal.title")}
      className="flex min-w-56 flex-col gap-2"
    >
      <FormField label={t("customers.reversal.reason")} error={error?.reason}>
        {(control) => <input {...control} name="reason" maxLength={500} className={inputClass} />}
      </FormField>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-tremor-small bg-red-700 px-3 py-1 text-white disabled:opacity-60"
        >
          {t("customers.reversal.submit")}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="text-tremor-default">
          {t("common.cancel")}
        </button>
      </div>
      {error && !error.reason && (
        <p role="alert" className="text-tremor-label text-red-700">
          {error.message}
        </p>
      )}
    </form>
  );
}
