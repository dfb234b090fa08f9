"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

import { MAX_CUSTOMER_CODE_LENGTH } from "@/lib/domain/customer-code";

import { FormAlert } from "@/components/ui/form-alert";
import { FormField } from "@/components/ui/form-field";
import { INPUT_CLASS, InputField } from "@/components/ui/input-field";
import { PrimaryButton } from "@/components/ui/primary-button";
import { useJsonForm } from "@/components/ui/use-json-form";

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
  const { pending, errors, send } = useJsonForm();
  const { fields } = errors;
  const values = props.values;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = Object.fromEntries(new FormData(event.currentTarget));

    const result = await send<{ id: string }>(
      props.customerId ? `/api/customers/${props.customerId}` : "/api/customers",
      {
        method: props.customerId ? "PUT" : "POST",
        body,
        networkMessage: t("customers.entryForm.networkError"),
        fallbackMessage: t("errors.internal"),
      },
    );
    if (!result.ok) return;

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
        <InputField
          key={name}
          label={t(`customers.form.${name}`)}
          error={fields[name]}
          name={name}
          maxLength={maxLength}
          defaultValue={values?.[name] ?? ""}
        />
      ))}
      <FormField label={t("customers.form.billingMode")} error={fields.billingMode}>
        {(control) => (
          <select
            {...control}
            name="billingMode"
            defaultValue={values?.billingMode ?? "PREPAID"}
            className={INPUT_CLASS}
          >
            <option value="PREPAID">{t("common.billingMode.PREPAID")}</option>
            <option value="POSTPAID">{t("common.billingMode.POSTPAID")}</option>
          </select>
        )}
      </FormField>
      <div className="grid grid-cols-2 gap-3">
        <InputField
          label={t("customers.form.lowBalanceThreshold")}
          hint={t("customers.form.lowBalanceThresholdHint")}
          error={fields.lowBalanceThreshold}
          name="lowBalanceThreshold"
          inputMode="numeric"
          defaultValue={values?.lowBalanceThreshold ?? ""}
        />
        <FormField label={t("customers.form.lowBalanceKind")} error={fields.lowBalanceKind}>
          {(control) => (
            <select
              {...control}
              name="lowBalanceKind"
              defaultValue={values?.lowBalanceKind ?? "MINUTES"}
              className={INPUT_CLASS}
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
            className={INPUT_CLASS}
          />
        )}
      </FormField>
      <div className="flex items-center gap-3 sm:col-span-2">
        <PrimaryButton type="submit" disabled={pending}>
          {t(props.customerId ? "customers.form.save" : "customers.form.create")}
        </PrimaryButton>
        <FormAlert message={errors.message} />
      </div>
    </form>
  );
}
