"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { API_SCOPES } from "@/lib/auth/api-key-secret";

import { SCOPE_LABELS } from "./scope-labels";

interface FormErrors {
  message?: string;
  fields: Record<string, string>;
}

interface CreatedKey {
  name: string;
  secret: string;
}

const inputClass = "rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input";

/** Renders the admin's form for a new API key, shows the new secret once and refreshes the list. */
export function ApiKeyForm() {
  const t = useTranslations();
  const router = useRouter();
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = { name: data.get("name"), scopes: data.getAll("scopes") };

    setPending(true);
    const response = await fetch("/api/api-keys", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(input),
    }).catch(() => null);
    setPending(false);

    if (!response) {
      setErrors({ message: t("apiKeys.form.networkError"), fields: {} });
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
    setCopied(false);
    setCreated({ name: body.apiKey.name, secret: body.secret });
    form.reset();
    router.refresh();
  }

  async function copySecret() {
    if (!created) return;

    await navigator.clipboard.writeText(created.secret).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  return (
    <div className="flex flex-col gap-4">
      {created && (
        <div
          role="status"
          className="flex flex-col gap-2 rounded-tremor-default border border-amber-300 bg-amber-50 p-4"
        >
          <p className="font-medium text-tremor-content-strong">
            {t("apiKeys.created.title", { name: created.name })}
          </p>
          <p className="text-tremor-default text-amber-800">{t("apiKeys.created.warning")}</p>
          <div className="flex flex-wrap items-center gap-2">
            <code
              data-testid="api-key-secret"
              className="select-all break-all rounded-tremor-small bg-white px-2 py-1 font-mono text-tremor-default"
            >
              {created.secret}
            </code>
            <button
              type="button"
              onClick={copySecret}
              className="rounded-tremor-small border border-tremor-border bg-white px-3 py-1 text-tremor-default hover:bg-tremor-background-subtle"
            >
              {copied ? t("apiKeys.created.copied") : t("apiKeys.created.copy")}
            </button>
            <button
              type="button"
              onClick={() => setCreated(null)}
              className="text-tremor-default text-tremor-brand hover:underline"
            >
              {t("apiKeys.created.dismiss")}
            </button>
          </div>
        </div>
      )}
      <form
        onSubmit={onSubmit}
        noValidate
        className="grid gap-3 sm:grid-cols-2"
        aria-label={t("apiKeys.form.title")}
      >
        <label className="flex flex-col gap-1 text-tremor-default">
          {t("apiKeys.form.name")}
          <input
            name="name"
            maxLength={100}
            className={inputClass}
            aria-invalid={Boolean(errors.fields.name)}
          />
          <span className="text-tremor-label text-tremor-content">
            {t("apiKeys.form.nameHint")}
          </span>
          {errors.fields.name && (
            <span className="text-tremor-label text-red-700">{errors.fields.name}</span>
          )}
        </label>
        <fieldset className="flex flex-col gap-1 text-tremor-default">
          <legend>{t("apiKeys.form.scopes")}</legend>
          {API_SCOPES.map((scope) => (
            <label key={scope} className="flex items-center gap-2">
              <input type="checkbox" name="scopes" value={scope} defaultChecked />
              {t(`apiKeys.scopes.${SCOPE_LABELS[scope]}`)}
            </label>
          ))}
          {errors.fields.scopes && (
            <span className="text-tremor-label text-red-700">{errors.fields.scopes}</span>
          )}
        </fieldset>
        <div className="flex items-center gap-3 sm:col-span-2">
          <button
            type="submit"
            disabled={pending}
            className="rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis disabled:opacity-60"
          >
            {t("apiKeys.form.submit")}
          </button>
          {errors.message && (
            <p role="alert" className="text-tremor-default text-red-700">
              {errors.message}
            </p>
          )}
        </div>
      </form>
    </div>
  );
}
