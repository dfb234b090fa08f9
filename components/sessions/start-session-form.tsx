"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { MAX_MINUTES_AGO } from "@/lib/validations/sessions";
import { FormField } from "@/components/ui/form-field";
import { sendJson } from "@/components/ui/send-json";

import { CustomerPicker, type PickedCustomer } from "./customer-picker";

const inputClass = "rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input";

interface FormErrors {
  message?: string;
  fields: Record<string, string>;
}

/**
 * Starts a session by hand: its code, and the customer or the remote device ID it belongs to.
 * `minutesAgo` lets the operator record a session that began before the console was opened.
 */
export function StartSessionForm(props: { onStarted: (code: string) => void }) {
  const t = useTranslations("sessions.start");
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));

    setPending(true);
    setNotice(null);
    const result = await sendJson<{ code: string; created: boolean }>("/api/sessions/manual", {
      method: "POST",
      body: { ...data, customerCode: customer?.code ?? null },
      networkMessage: t("networkError"),
      fallbackMessage: t("failed"),
    });
    setPending(false);

    if (!result.ok) {
      setErrors({ message: result.message, fields: result.fields });
      return;
    }

    setErrors({ fields: {} });
    setNotice(result.data.created ? null : t("existing", { code: result.data.code }));
    form.reset();
    setCustomer(null);
    props.onStarted(result.data.code);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t("title")}>
      <FormField label={t("code")} error={errors.fields.code}>
        {(control) => (
          <input
            {...control}
            name="code"
            autoComplete="off"
            className={`${inputClass} font-mono`}
          />
        )}
      </FormField>
      <CustomerPicker
        label={t("customer")}
        selected={customer}
        onSelect={setCustomer}
        error={errors.fields.customerCode}
      />
      <FormField
        label={t("remoteDeviceId")}
        hint={t("remoteDeviceIdHint")}
        error={errors.fields.remoteDeviceId}
      >
        {(control) => (
          <input
            {...control}
            name="remoteDeviceId"
            autoComplete="off"
            className={`${inputClass} font-mono`}
          />
        )}
      </FormField>
      <FormField
        label={t("minutesAgo")}
        hint={t("minutesAgoHint", { max: MAX_MINUTES_AGO })}
        error={errors.fields.minutesAgo}
      >
        {(control) => (
          <input
            {...control}
            name="minutesAgo"
            inputMode="numeric"
            defaultValue="0"
            className={inputClass}
          />
        )}
      </FormField>
      <FormField label={t("notes")} error={errors.fields.notes}>
        {(control) => <input {...control} name="notes" maxLength={500} className={inputClass} />}
      </FormField>
      <div className="flex flex-col gap-2">
        <button
          type="submit"
          disabled={pending}
          className="self-start rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis disabled:opacity-60"
        >
          {t("submit")}
        </button>
        {errors.message && (
          <p role="alert" className="text-tremor-default text-red-700">
            {errors.message}
          </p>
        )}
        {notice && (
          <p role="status" className="text-tremor-default text-tremor-content-strong">
            {notice}
          </p>
        )}
      </div>
    </form>
  );
}
