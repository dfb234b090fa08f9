"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { sendJson } from "@/components/ui/send-json";

/** Renders the admin's button that deactivates an active customer or reactivates an inactive one. */
export function ActivationToggle({ customerId, active }: { customerId: string; active: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function toggle() {
    setPending(true);
    const result = await sendJson(`/api/customers/${customerId}/activation`, {
      method: "PUT",
      body: { active: !active },
      networkMessage: t("customers.entryForm.networkError"),
      fallbackMessage: t("errors.internal"),
    });
    setPending(false);
    setMessage(result.ok ? null : result.message);
    if (result.ok) router.refresh();
  }

  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        onClick={toggle}
        disabled={pending}
        className="rounded-tremor-small border border-tremor-border px-4 py-2 disabled:opacity-60"
      >
        {t(active ? "customers.form.deactivate" : "customers.form.reactivate")}
      </button>
      {message && (
        <p role="alert" className="text-tremor-default text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}
