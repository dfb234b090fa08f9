"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { ROLES } from "@/lib/auth/roles";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField } from "@/components/ui/form-field";
import { INPUT_CLASS, InputField } from "@/components/ui/input-field";
import { OneTimeSecretNotice } from "@/components/ui/one-time-secret";
import { PrimaryButton } from "@/components/ui/primary-button";
import { useJsonForm } from "@/components/ui/use-json-form";

interface InvitedUser {
  email: string;
  temporaryPassword: string;
}

/** Renders the admin's form for a new user and shows the temporary password once. */
export function InviteUserForm() {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, send } = useJsonForm();
  const [invited, setInvited] = useState<InvitedUser | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);

    const result = await send<{ user: { email: string }; temporaryPassword: string }>(
      "/api/users",
      {
        method: "POST",
        body: { email: data.get("email"), name: data.get("name"), role: data.get("role") },
        networkMessage: t("users.networkError"),
        fallbackMessage: t("errors.internal"),
      },
    );
    if (!result.ok) return;

    setInvited({ email: result.data.user.email, temporaryPassword: result.data.temporaryPassword });
    form.reset();
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-4">
      {invited && (
        <OneTimeSecretNotice
          title={t("users.invited.title", { email: invited.email })}
          warning={t("users.invited.warning")}
        >
          <code
            data-testid="temporary-password"
            className="select-all self-start rounded-tremor-small bg-white px-2 py-1 font-mono text-tremor-default"
          >
            {invited.temporaryPassword}
          </code>
          <button
            type="button"
            onClick={() => setInvited(null)}
            className="self-start text-tremor-default text-tremor-brand hover:underline"
          >
            {t("users.invited.dismiss")}
          </button>
        </OneTimeSecretNotice>
      )}
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={t("users.invite.title")}
        className="grid gap-3 sm:grid-cols-3"
      >
        <InputField
          name="email"
          type="email"
          maxLength={254}
          label={t("users.invite.email")}
          error={errors.fields.email}
        />
        <InputField
          name="name"
          type="text"
          maxLength={254}
          label={t("users.invite.name")}
          error={errors.fields.name}
        />
        <FormField label={t("users.invite.role")} error={errors.fields.role}>
          {(control) => (
            <select {...control} name="role" defaultValue="OPERATOR" className={INPUT_CLASS}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`common.roles.${role}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="flex items-center gap-3 sm:col-span-3">
          <PrimaryButton type="submit" disabled={pending}>
            {t("users.invite.submit")}
          </PrimaryButton>
          {/* A message already shown under its field is not repeated here. */}
          {!Object.values(errors.fields).includes(errors.message ?? "") && (
            <FormAlert message={errors.message} />
          )}
        </div>
      </form>
    </div>
  );
}
