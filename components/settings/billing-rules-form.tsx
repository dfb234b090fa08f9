"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

import type { BillingRules, BillingRulesOverride } from "@/lib/domain/billing-rules";
import { FormField } from "@/components/ui/form-field";
import { sendJson } from "@/components/ui/send-json";

const NUMBER_FIELDS = [
  "roundingIncrementMinutes",
  "minimumBilledMinutes",
  "ignoreShorterThanSeconds",
  "mergeGapMinutes",
] as const;

interface FormErrors {
  message?: string;
  fields: Record<string, string>;
}

const inputClass = "rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input";

/**
 * Edits a set of billing rules: the global ones or a customer's override. An empty field is not
 * stored, so the value shown as its placeholder (`inherited`) applies.
 */
export function BillingRulesForm(props: {
  endpoint: string;
  title: string;
  emptyMeans: string;
  rules: BillingRulesOverride;
  inherited: BillingRules;
}) {
  const t = useTranslations("sessions");
  const router = useRouter();
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));

    setPending(true);
    setSaved(false);
    const result = await sendJson(props.endpoint, {
      method: "PUT",
      body: data,
      networkMessage: t("settings.networkError"),
      fallbackMessage: t("settings.failed"),
    });
    setPending(false);

    if (!result.ok) {
      setErrors({ message: result.message, fields: result.fields });
      return;
    }
    setErrors({ fields: {} });
    setSaved(true);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={props.title} className="flex flex-col gap-4">
      <p className="text-tremor-default text-tremor-content">{props.emptyMeans}</p>
      <div className="grid gap-4 md:grid-cols-2">
        {NUMBER_FIELDS.map((field) => (
          <FormField
            key={field}
            label={t(`rules.${field}`)}
            hint={t(`rules.${field}Help`)}
            error={errors.fields[field]}
          >
            {(control) => (
              <input
                {...control}
                name={field}
                inputMode="numeric"
                defaultValue={props.rules[field] ?? ""}
                placeholder={String(props.inherited[field])}
                className={inputClass}
              />
            )}
          </FormField>
        ))}
        <FormField
          label={t("rules.billableConnectionTypes")}
          hint={`${t("rules.billableConnectionTypesHelp")} ${t("settings.listHint")}`}
          error={errors.fields.billableConnectionTypes}
          className="md:col-span-2"
        >
          {(control) => (
            <input
              {...control}
              name="billableConnectionTypes"
              defaultValue={props.rules.billableConnectionTypes?.join(", ") ?? ""}
              placeholder={props.inherited.billableConnectionTypes.join(", ")}
              className={inputClass}
            />
          )}
        </FormField>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis disabled:opacity-60"
        >
          {t("settings.save")}
        </button>
        {errors.message && (
          <p role="alert" className="text-tremor-default text-red-700">
            {errors.message}
          </p>
        )}
        {saved && (
          <p role="status" className="text-tremor-default text-emerald-700">
            {t("settings.saved")}
          </p>
        )}
      </div>
    </form>
  );
}
