"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@tremor/react";

import { DEVICE_KINDS } from "@/lib/domain/device-id";
import { FormField } from "@/components/ui/form-field";
import { sendJson } from "@/components/ui/send-json";

export interface DeviceItem {
  id: string;
  kind: (typeof DEVICE_KINDS)[number];
  remoteId: string;
  label: string | null;
}

interface FormErrors {
  message?: string;
  fields: Record<string, string>;
}

const inputClass =
  "rounded-tremor-small border border-tremor-border bg-white px-3 py-2 shadow-tremor-input";

/**
 * Renders the customer's devices. With `canManage` it also renders the form to add one and a
 * remove button for each.
 */
export function DeviceManager(props: {
  customerId: string;
  devices: DeviceItem[];
  canManage: boolean;
}) {
  const t = useTranslations("sessions.devices");
  const router = useRouter();
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [pending, setPending] = useState(false);
  const endpoint = `/api/customers/${props.customerId}/devices`;
  const messages = { networkMessage: t("networkError"), fallbackMessage: t("failed") };

  async function add(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;

    setPending(true);
    const result = await sendJson(endpoint, {
      method: "POST",
      body: Object.fromEntries(new FormData(form)),
      ...messages,
    });
    setPending(false);

    if (!result.ok) {
      // A duplicate ID comes back with the same text as message and as field message, which is
      // shown once, in the message.
      const fields = Object.fromEntries(
        Object.entries(result.fields).filter(([, message]) => message !== result.message),
      );
      setErrors({ message: result.message, fields });
      return;
    }
    setErrors({ fields: {} });
    form.reset();
    router.refresh();
  }

  async function remove(device: DeviceItem) {
    setPending(true);
    const result = await sendJson(`${endpoint}/${device.id}`, { method: "DELETE", ...messages });
    setPending(false);

    setErrors(result.ok ? { fields: {} } : { message: result.message, fields: {} });
    if (result.ok) router.refresh();
  }

  return (
    <div className="flex flex-col gap-4">
      <Table data-testid="device-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t("kind")}</TableHeaderCell>
            <TableHeaderCell>{t("remoteId")}</TableHeaderCell>
            <TableHeaderCell>{t("label")}</TableHeaderCell>
            {props.canManage && <TableHeaderCell className="w-24" />}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.devices.map((device) => (
            <TableRow key={device.id}>
              <TableCell>{t(`kinds.${device.kind}`)}</TableCell>
              <TableCell className="font-mono">{device.remoteId}</TableCell>
              <TableCell>{device.label ?? ""}</TableCell>
              {props.canManage && (
                <TableCell className="text-right">
                  <button
                    type="button"
                    disabled={pending}
                    onClick={() => remove(device)}
                    aria-label={t("remove", { remoteId: device.remoteId })}
                    className="text-tremor-default text-red-700 hover:underline disabled:opacity-60"
                  >
                    {t("removeShort")}
                  </button>
                </TableCell>
              )}
            </TableRow>
          ))}
          {props.devices.length === 0 && (
            <TableRow>
              <TableCell colSpan={props.canManage ? 4 : 3} className="text-center">
                {t("empty")}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>

      {props.canManage && (
        <form
          onSubmit={add}
          noValidate
          aria-label={t("addTitle")}
          className="grid items-start gap-3 px-6 pb-4 sm:grid-cols-[auto_1fr_1fr_auto]"
        >
          <FormField label={t("kind")} error={errors.fields.kind}>
            {(control) => (
              <select {...control} name="kind" defaultValue="TEAMVIEWER" className={inputClass}>
                {DEVICE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`kinds.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t("remoteId")} hint={t("remoteIdHint")} error={errors.fields.remoteId}>
            {(control) => (
              <input
                {...control}
                name="remoteId"
                autoComplete="off"
                className={`${inputClass} font-mono`}
              />
            )}
          </FormField>
          <FormField label={t("label")} error={errors.fields.label}>
            {(control) => (
              <input {...control} name="label" maxLength={100} className={inputClass} />
            )}
          </FormField>
          <button
            type="submit"
            disabled={pending}
            className="mt-6 rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis disabled:opacity-60"
          >
            {t("add")}
          </button>
          {errors.message && (
            <p role="alert" className="text-tremor-default text-red-700 sm:col-span-4">
              {errors.message}
            </p>
          )}
        </form>
      )}
      {!props.canManage && errors.message && (
        <p role="alert" className="px-6 pb-4 text-red-700">
          {errors.message}
        </p>
      )}
    </div>
  );
}
