"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { API_SCOPES } from "@/lib/auth/api-key-secret";
import { FormAlert } from "@/components/ui/form-alert";
import { INPUT_CLASS } from "@/components/ui/input-field";
import { OneTimeSecretNotice } from "@/components/ui/one-time-secret";
import { PrimaryButton } from "@/components/ui/primary-button";
import { useJsonForm } from "@/components/ui/use-json-form";

import { SCOPE_LABELS } from "./scope-labels";

interface CreatedKey {
  name: string;
  secret: string;
}

/** Renders the admin's form for a new API key, shows the new secret once and refreshes the list. */
export function ApiKeyForm() {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, send } = useJsonForm();
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [copied, setCopied] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = { name: data.get("name"), scopes: data.getAll("scopes") };

    const result = await send<{ apiKey: { name: string }; secret: string }>("/api/api-keys", {
      method: "POST",
      body: input,
      networkMessage: t("apiKeys.form.networkError"),
      fallbackMessage: t("errors.internal"),
    });
    if (!result.ok) return;

    setCopied(false);
    setCreated({ name: result.data.apiKey.name, secret: result.data.secret });
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
        <OneTimeSecretNotice
          title={t("apiKeys.created.title", { name: created.name })}
          warning={t("apiKeys.created.warning")}
        >
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
        </OneTimeSecretNotice>
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
            className={INPUT_CLASS}
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
          <PrimaryButton type="submit" disabled={pending}>
            {t("apiKeys.form.submit")}
          </PrimaryButton>
          <FormAlert message={errors.message} />
        </div>
      </form>
    </div>
  );
}
