"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { ROLES } from "@/lib/auth/roles";
import { FormField } from "@/components/ui/form-field";
import { sendJson } from "@/components/ui/send-json";

interface FormErrors {
  message?: string;
  fields: Record<string, string>;
}

interface InvitedUser {
  email: string;
  temporaryPassword: string;
}

const inputClass = "rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input";

/** Renders the admin's form for a new user and shows the temporary password once. */
export function InviteUserForm() {
  const t = useTranslations();
  const router = useRouter();
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [invited, setInvited] = useState<InvitedUser | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);

    setPending(true);
    const result = await sendJson<{ user: { email: string }; temporaryPassword: string }>(
      "/api/users",
      {
        method: "POST",
        body: { email: data.get("email"), name: data.get("name"), role: data.get("role") },
        networkMessage: t("users.networkError"),
        fallbackMessage: t("errors.internal"),
      },
    );
    setPending(false);

    if (!result.ok) {
      setErrors({ message: result.message, fields: result.fields });
      return;
    }

    setErrors({ fields: {} });
    setInvited({ email: result.data.user.email, temporaryPassword: result.data.temporaryPassword });
    form.reset();
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-4">
      {invited && (
        <div
          role="status"
          className="flex flex-col gap-2 rounded-tremor-default border border-amber-300 bg-amber-50 p-4"
        >
          <p className="font-medium text-tremor-content-strong">
            {t("users.invited.title", { email: invited.email })}
          </p>
          <p className="text-tremor-default text-amber-800">{t("users.invited.warning")}</p>
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
        </div>
      )}
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={t("users.invite.title")}
        className="grid gap-3 sm:grid-cols-3"
      >
        <TextField name="email" type="email" label={t("users.invite.email")} errors={errors} />
        <TextField name="name" type="text" label={t("users.invite.name")} errors={errors} />
        <FormField label={t("users.invite.role")} error={errors.fields.role}>
          {(control) => (
            <select {...control} name="role" defaultValue="OPERATOR" className={inputClass}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`common.roles.${role}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="flex items-center gap-3 sm:col-span-3">
          <button
            type="submit"
            disabled={pending}
            className="rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis disabled:opacity-60"
          >
            {t("users.invite.submit")}
          </button>
          {errors.message && !Object.values(errors.fields).includes(errors.message) && (
            <p role="alert" className="text-tremor-default text-red-700">
              {errors.message}
            </p>
          )}
        </div>
      </form>
    </div>
  );
}

function TextField(props: { name: string; type: string; label: string; errors: FormErrors }) {
  return (
    <FormField label={props.label} error={props.errors.fields[props.name]}>
      {(control) => (
        <input
          {...control}
          name={props.name}
          type={props.type}
          maxLength={254}
          className={inputClass}
        />
      )}
    </FormField>
  );
}
