"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { MAX_CUSTOMER_CODE_LENGTH } from "@/lib/domain/customer-code";

import { FormField } from "@/components/ui/form-field";
import { sendJson } from "@/components/ui/send-json";

export interface CustomerFormValues {
  code: string;
  name: string;
  vatNumber: string | null;
  taxCode: string | null;
  address: string | null;
  city: string | null;
  province: string | null;
  postalCode: string | null;
  email: string | null;
  phone: string | null;
  billingMode: "PREPAID" | "POSTPAID";
  lowBalanceThreshold: number | null;
  lowBalanceKind: "MINUTES" | "PERCENT_OF_LAST_TOP_UP";
  notes: string | null;
}

const inputClass = "rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input";

const TEXT_FIELDS = [
  ["code", MAX_CUSTOMER_CODE_LENGTH],
  ["name", 200],
  ["vatNumber", 20],
  ["taxCode", 16],
  ["address", 200],
  ["city", 100],
  ["province", 2],
  ["postalCode", 5],
  ["email", 200],
  ["phone", 40],
] as const;

/**
 * Renders the admin's customer form: without `customerId` it creates a customer, with it it saves
 * the changes. On success it opens the customer's page.
 */
export function CustomerForm(props: { customerId?: string; values?: CustomerFormValues }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const values = props.values;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = Object.fromEntries(new FormData(event.currentTarget));

    setPending(true);
    const result = await sendJson<{ id: string }>(
      props.customerId ? `/api/customers/${props.customerId}` : "/api/customers",
      {
        method: props.customerId ? "PUT" : "POST",
        body,
        networkMessage: t("customers.entryForm.networkError"),
        fallbackMessage: t("errors.internal"),
      },
    );
    setPending(false);
    if (!result.ok) {
      setMessage(result.message);
      setFields(result.fields);
      return;
    }

    router.push(`/customers/${result.data.id}`);
    router.refresh();
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t(props.customerId ? "customers.form.editTitle" : "customers.form.newTitle")}
      className="grid gap-3 sm:grid-cols-2"
    >
      {TEXT_FIELDS.map(([name, maxLength]) => (
        <FormField key={name} label={t(`customers.form.${name}`)} error={fields[name]}>
          {(control) => (
            <input
              {...control}
              name={name}
              maxLength={maxLength}
              defaultValue={values?.[name] ?? ""}
              className={inputClass}
            />
          )}
        </FormField>
      ))}
      <FormField label={t("customers.form.billingMode")} error={fields.billingMode}>
        {(control) => (
          <select
            {...control}
            name="billingMode"
            defaultValue={values?.billingMode ?? "PREPAID"}
            className={inputClass}
          >
            <option value="PREPAID">{t("common.billingMode.PREPAID")}</option>
            <option value="POSTPAID">{t("common.billingMode.POSTPAID")}</option>
          </select>
        )}
      </FormField>
      <div className="grid grid-cols-2 gap-3">
        <FormField
          label={t("customers.form.lowBalanceThreshold")}
          hint={t("customers.form.lowBalanceThresholdHint")}
          error={fields.lowBalanceThreshold}
        >
          {(control) => (
            <input
              {...control}
              name="lowBalanceThreshold"
              inputMode="numeric"
              defaultValue={values?.lowBalanceThreshold ?? ""}
              className={inputClass}
            />
          )}
        </FormField>
        <FormField label={t("customers.form.lowBalanceKind")} error={fields.lowBalanceKind}>
          {(control) => (
            <select
              {...control}
              name="lowBalanceKind"
              defaultValue={values?.lowBalanceKind ?? "MINUTES"}
              className={inputClass}
            >
              <option value="MINUTES">{t("customers.form.kindMinutes")}</option>
              <option value="PERCENT_OF_LAST_TOP_UP">{t("customers.form.kindPercent")}</option>
            </select>
          )}
        </FormField>
      </div>
      <FormField label={t("customers.form.notes")} error={fields.notes} className="sm:col-span-2">
        {(control) => (
          <textarea
            {...control}
            name="notes"
            rows={3}
            maxLength={2000}
            defaultValue={values?.notes ?? ""}
            className={inputClass}
          />
        )}
      </FormField>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis disabled:opacity-60"
        >
          {t(props.customerId ? "customers.form.save" : "customers.form.create")}
        </button>
        {message && (
          <p role="alert" className="text-tremor-default text-red-700">
            {message}
          </p>
        )}
      </div>
    </form>
  );
}
