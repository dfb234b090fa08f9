"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { FormField } from "@/components/ui/form-field";
import { sendJson } from "@/components/ui/send-json";

interface FormErrors {
  message?: string;
  fields: Record<string, string>;
}

const ADMIN_FIELDS = [
  { name: "adminName", type: "text", autoComplete: "name" },
  { name: "adminEmail", type: "email", autoComplete: "username" },
  { name: "password", type: "password", autoComplete: "new-password" },
  { name: "confirmPassword", type: "password", autoComplete: "new-password" },
] as const;

const COMPANY_FIELDS = [
  { name: "company.name", type: "text", autoComplete: "organization" },
  { name: "company.address", type: "text", autoComplete: "street-address" },
  { name: "company.vatNumber", type: "text", autoComplete: "off" },
] as const;

const inputClass = "rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input";

/** Renders the first-run form, then signs the new administrator in. */
export function SetupForm() {
  const t = useTranslations("setup");
  const errorsT = useTranslations("errors");
  const router = useRouter();
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? "");
    const body = {
      adminName: value("adminName"),
      adminEmail: value("adminEmail"),
      password: value("password"),
      confirmPassword: value("confirmPassword"),
      company: {
        name: value("company.name"),
        address: value("company.address"),
        vatNumber: value("company.vatNumber"),
      },
    };

    setPending(true);
    const result = await sendJson("/api/setup", {
      method: "POST",
      body,
      networkMessage: t("networkError"),
      fallbackMessage: errorsT("internal"),
    });
    if (!result.ok) {
      setPending(false);
      setErrors({ message: result.message, fields: result.fields });
      return;
    }

    await signIn("credentials", {
      email: body.adminEmail,
      password: body.password,
      redirect: false,
    });
    router.replace("/");
    router.refresh();
  }

  const field = (spec: { name: string; type: string; autoComplete: string }) => (
    <FormField key={spec.name} label={t(`fields.${spec.name}`)} error={errors.fields[spec.name]}>
      {(control) => (
        <input
          {...control}
          name={spec.name}
          type={spec.type}
          autoComplete={spec.autoComplete}
          className={inputClass}
        />
      )}
    </FormField>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 font-medium text-tremor-content-strong">{t("adminTitle")}</legend>
        {ADMIN_FIELDS.map(field)}
        <p className="text-tremor-label text-tremor-content">{t("passwordHint")}</p>
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 font-medium text-tremor-content-strong">{t("companyTitle")}</legend>
        {COMPANY_FIELDS.map(field)}
        <p className="text-tremor-label text-tremor-content">{t("companyHint")}</p>
      </fieldset>
      {errors.message && !Object.values(errors.fields).includes(errors.message) && (
        <p role="alert" className="rounded-tremor-small bg-red-50 px-3 py-2 text-red-700">
          {errors.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
