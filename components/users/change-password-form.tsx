"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

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
        <label key={field.name} className="flex flex-col gap-1 text-tremor-default">
          {t(`users.account.${field.name}`)}
          <input
            name={field.name}
            type="password"
            autoComplete={field.autoComplete}
            aria-invalid={Boolean(errors.fields[field.name])}
            className="rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input"
          />
          {errors.fields[field.name] && (
            <span className="text-tremor-label text-red-700">{errors.fields[field.name]}</span>
          )}
        </label>
      ))}
      <p className="text-tremor-label text-tremor-content">{t("users.account.passwordHint")}</p>
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis disabled:opacity-60"
      >
        {t("users.account.submit")}
      </button>
      {errors.message && (
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
