"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { formatMinutes } from "@/lib/i18n/format";
import { FormAlert } from "@/components/ui/form-alert";
import { InputField } from "@/components/ui/input-field";
import { useJsonForm } from "@/components/ui/use-json-form";

export interface ContractRow {
  id: string;
  number: string;
  // Calendar dates as yyyy-mm-dd.
  startsOn: string;
  endsOn: string | null;
  minutesIncluded: number | null;
  notes: string | null;
}

const showDate = (iso: string) => iso.split("-").reverse().join("/");

/** Renders a customer's contracts, and for admins the forms that add and change them. */
export function ContractManager(props: {
  customerId: string;
  contracts: ContractRow[];
  canManage: boolean;
}) {
  const t = useTranslations();
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <div className="flex flex-col gap-3" data-testid="contracts">
      <ul className="flex flex-col gap-2 text-tremor-default">
        {props.contracts.map((contract) =>
          editing === contract.id ? (
            <li key={contract.id}>
              <ContractForm
                customerId={props.customerId}
                contract={contract}
                onDone={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={contract.id} className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-medium">{contract.number}</span>
              <span className="text-tremor-content">
                {showDate(contract.startsOn)} –{" "}
                {contract.endsOn ? showDate(contract.endsOn) : t("customers.openEnded")}
              </span>
              {contract.minutesIncluded !== null && (
                <span className="text-tremor-content">
                  {t("customers.contract.minutesIncludedValue", {
                    minutes: formatMinutes(contract.minutesIncluded),
                  })}
                </span>
              )}
              {props.canManage && (
                <button
                  type="button"
                  onClick={() => setEditing(contract.id)}
                  className="text-tremor-brand hover:underline"
                  aria-label={t("customers.contract.editNamed", { number: contract.number })}
                >
                  {t("customers.contract.edit")}
                </button>
              )}
              {contract.notes && (
                <span className="w-full text-tremor-label text-tremor-content">
                  {contract.notes}
                </span>
              )}
            </li>
          ),
        )}
        {props.contracts.length === 0 && (
          <li className="text-tremor-content">{t("customers.noContracts")}</li>
        )}
      </ul>
      {props.canManage && editing === null && <ContractForm customerId={props.customerId} />}
    </div>
  );
}

function ContractForm(props: { customerId: string; contract?: ContractRow; onDone?: () => void }) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, send } = useJsonForm();
  const { fields } = errors;
  const { contract } = props;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const base = `/api/customers/${props.customerId}/contracts`;

    const result = await send(contract ? `${base}/${contract.id}` : base, {
      method: contract ? "PUT" : "POST",
      body: Object.fromEntries(new FormData(form)),
      networkMessage: t("customers.entryForm.networkError"),
      fallbackMessage: t("errors.internal"),
    });
    if (!result.ok) return;

    if (!contract) form.reset();
    props.onDone?.();
    router.refresh();
  }

  const title = t(contract ? "customers.contract.editTitle" : "customers.contract.newTitle");

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={title}
      className="grid gap-2 rounded-tremor-small border border-tremor-border p-3 sm:grid-cols-2"
    >
      <p className="font-medium sm:col-span-2">{title}</p>
      <InputField
        label={t("customers.contract.number")}
        error={fields.number}
        name="number"
        maxLength={40}
        defaultValue={contract?.number}
      />
      <InputField
        label={t("customers.contract.minutesIncluded")}
        error={fields.minutesIncluded}
        name="minutesIncluded"
        inputMode="numeric"
        defaultValue={contract?.minutesIncluded ?? ""}
      />
      <InputField
        label={t("customers.contract.startsOn")}
        error={fields.startsOn}
        name="startsOn"
        type="date"
        defaultValue={contract?.startsOn}
      />
      <InputField
        label={t("customers.contract.endsOn")}
        error={fields.endsOn}
        name="endsOn"
        type="date"
        defaultValue={contract?.endsOn ?? ""}
      />
      <InputField
        label={t("customers.contract.notes")}
        error={fields.notes}
        className="sm:col-span-2"
        name="notes"
        maxLength={2000}
        defaultValue={contract?.notes ?? ""}
      />
      <div className="flex items-center gap-3 sm:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-tremor-small bg-tremor-brand px-3 py-1.5 text-white disabled:opacity-60"
        >
          {t(contract ? "customers.contract.save" : "customers.contract.add")}
        </button>
        {props.onDone && (
          <button type="button" onClick={props.onDone}>
            {t("common.cancel")}
          </button>
        )}
        <FormAlert message={errors.message} />
      </div>
    </form>
  );
}
