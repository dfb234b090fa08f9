"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { FormField } from "@/components/ui/form-field";
import { sendJson } from "@/components/ui/send-json";

interface FormErrors {
  message?: string;
  fields: Record<string, string>;
}

const FIELDS = [
  { name: "currentPassword", autoComplete: "current-password" },
  { name: "newPassword", autoComplete: "new-password" },
  { name: "confirmPassword", autoComplete: "new-password" },
] as const;

/** Renders the form that changes the signed-in user's own password. */
export function ChangePasswordForm({ mustChange }: { mustChange: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);

    setPending(true);
    const result = await sendJson("/api/account/password", {
      method: "PUT",
      body: Object.fromEntries(FIELDS.map((field) => [field.name, data.get(field.name) ?? ""])),
      networkMessage: t("users.networkError"),
      fallbackMessage: t("errors.internal"),
    });
    setPending(false);

    if (!result.ok) {
      setErrors({ message: result.message, fields: result.fields });
      setDone(false);
      return;
    }

    setErrors({ fields: {} });
    setDone(true);
    form.reset();
    // A user who had a temporary password may now open the rest of the app.
    if (mustChange) router.replace("/");
    router.refresh();
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t("users.account.passwordTitle")}
      className="flex max-w-sm flex-col gap-3"
    >
      {FIELDS.map((field) => (
        <FormField
          key={field.name}
          label={t(`users.account.${field.name}`)}
          error={errors.fields[field.name]}
        >
          {(control) => (
            <input
              {...control}
              name={field.name}
              type="password"
              autoComplete={field.autoComplete}
              className="rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input"
            />
          )}
        </FormField>
      ))}
      <p className="text-tremor-label text-tremor-content">{t("users.account.passwordHint")}</p>
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis disabled:opacity-60"
      >
        {t("users.account.submit")}
      </button>
      {errors.message && !Object.values(errors.fields).includes(errors.message) && (
        <p role="alert" className="text-tremor-default text-red-700">
          {errors.message}
        </p>
      )}
      {done && (
        <p role="status" className="text-tremor-default text-emerald-700">
          {t("users.account.changed")}
        </p>
      )}
    </form>
  );
}
