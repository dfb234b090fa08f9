"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";

import { FormField } from "@/components/ui/form-field";
import { sendJson } from "@/components/ui/send-json";

const inputClass =
  "w-full rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input";

interface FormError {
  message: string;
  fields: Record<string, string>;
}

/**
 * Opens a dialog where an administrator corrects a closed session: moves it to another customer
 * and/or changes whether it is billed, with a reason. The server reverses the old ledger entries
 * and appends new ones; this form only sends what changed.
 */
export function SessionCorrection(props: {
  code: string;
  customerCode: string | null;
  billable: boolean;
}) {
  const t = useTranslations("sessions.correction");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [customerCode, setCustomerCode] = useState(props.customerCode ?? "");
  const [billable, setBillable] = useState(props.billable);
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);

  function open() {
    setCustomerCode(props.customerCode ?? "");
    setBillable(props.billable);
    setReason("");
    setError(null);
    dialog.current?.showModal();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);

    // Unchanged values are left out, so the server rejects a correction that changes nothing.
    const code = customerCode.trim();
    const body = {
      customerCode: code === (props.customerCode ?? "") ? undefined : code,
      billable: billable === props.billable ? undefined : billable,
      reason,
    };
    const result = await sendJson(`/api/sessions/${encodeURIComponent(props.code)}/correction`, {
      method: "POST",
      body,
      networkMessage: t("networkError"),
      fallbackMessage: t("failed"),
    });
    setPending(false);

    // A single invalid field already shows its message under the field, so it is not repeated.
    if (!result.ok) {
      setError({ message: result.message, fields: result.fields });
      return;
    }

    dialog.current?.close();
    router.refresh();
  }

  return (
    <>
      <button
        type="button"
        onClick={open}
        aria-label={t("actionFor", { code: props.code })}
        className="rounded-tremor-small border border-tremor-border px-2 py-1 text-tremor-label font-medium text-tremor-content-strong hover:bg-tremor-background-subtle"
      >
        {t("action")}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`correction-title-${props.code}`}
        className="w-full max-w-md rounded-tremor-default border border-tremor-border p-0 shadow-tremor-dropdown backdrop:bg-black/30"
      >
        <form noValidate onSubmit={submit} className="flex flex-col gap-4 p-5 text-left">
          <h2
            id={`correction-title-${props.code}`}
            className="text-tremor-title font-semibold text-tremor-content-strong"
          >
            {t("title", { code: props.code })}
          </h2>
          <p className="whitespace-normal text-tremor-default text-tremor-content">{t("intro")}</p>
          <FormField label={t("customerCode")} error={error?.fields.customerCode}>
            {(control) => (
              <input
                {...control}
                value={customerCode}
                onChange={(event) => setCustomerCode(event.target.value)}
                autoComplete="off"
                className={`${inputClass} font-mono`}
              />
            )}
          </FormField>
          <label className="flex items-center gap-2 text-tremor-default">
            <input
              type="checkbox"
              checked={billable}
              onChange={(event) => setBillable(event.target.checked)}
            />
            {t("billable")}
          </label>
          <FormField label={t("reason")} hint={t("reasonHint")} error={error?.fields.reason}>
            {(control) => (
              <textarea
                {...control}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                aria-required
                rows={3}
                maxLength={500}
                className={inputClass}
              />
            )}
          </FormField>
          {error && !Object.values(error.fields).includes(error.message) && (
            <p role="alert" className="whitespace-normal text-tremor-default text-red-700">
              {error.message}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <button
              type="button"
              disabled={pending}
              onClick={() => dialog.current?.close()}
              className="rounded-tremor-small px-3 py-2 text-tremor-content hover:bg-tremor-background-subtle"
            >
              {t("cancel")}
            </button>
            <button
              type="submit"
              disabled={pending}
              className="rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis disabled:opacity-60"
            >
              {t("submit")}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
