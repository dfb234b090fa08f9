"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

export function LoginForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const searchParams = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError(t("missingFields"));
      return;
    }

    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    setPending(false);

    if (!result || result.error) {
      setError(t(errorMessageKey(result?.error)));
      return;
    }

    router.replace(safeCallback(searchParams.get("callbackUrl")));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <label className="flex flex-col gap-1 text-tremor-default">
        {t("email")}
        <input
          name="email"
          type="email"
          autoComplete="username"
          className="rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input"
        />
      </label>
      <label className="flex flex-col gap-1 text-tremor-default">
        {t("password")}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          className="rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input"
        />
      </label>
      {error && (
        <p
          role="alert"
          className="rounded-tremor-small bg-red-50 px-3 py-2 text-tremor-default text-red-700"
        >
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis disabled:opacity-60"
      >
        {pending ? t("signingIn") : t("signIn")}
      </button>
    </form>
  );
}

function errorMessageKey(code: string | null | undefined) {
  if (code === "RATE_LIMITED") return "rateLimited";
  if (code === "SIGN_IN_UNAVAILABLE") return "unavailable";

  return "invalidCredentials";
}

// Only same-site paths are followed after sign-in, never another origin.
function safeCallback(callbackUrl: string | null): string {
  if (!callbackUrl) return "/";
  try {
    const url = new URL(callbackUrl, window.location.origin);

    return url.origin === window.location.origin ? `${url.pathname}${url.search}` : "/";
  } catch {
    return "/";
  }
}
