"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

import { FormField } from "@/components/ui/form-field";

import { sendTemplateForm } from "./send-template";
import { type EditorField, type EditorLabels, TemplateFields } from "./template-fields";

export interface EditorTemplate {
  fields: EditorField[];
  labels: EditorLabels;
  companyName: string;
  address: string;
  vatNumber: string;
  footer: string;
  accentColor: string;
  paperSize: string;
  // Data URL of the saved logo, or null.
  logo: string | null;
}

const inputClass = "rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input";
const buttonClass =
  "rounded-tremor-small px-4 py-2 font-medium disabled:opacity-60 border border-tremor-border";

/** Edits a report template, previews it over real data and saves it as a new version. */
export function TemplateEditor(props: {
  slug: string;
  initial: EditorTemplate;
  defaultLabels: EditorLabels;
  customers: { code: string; name: string }[];
}) {
  const t = useTranslations("reportTemplates");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [fields, setFields] = useState(props.initial.fields);
  const [labels, setLabels] = useState(props.initial.labels);
  const [accent, setAccent] = useState(props.initial.accentColor);
  const [removeLogo, setRemoveLogo] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function setLabel(locale: "it" | "en", key: string, value: string) {
    setLabels((current) => ({ ...current, [locale]: { ...current[locale], [key]: value } }));
  }

  function buildBody(): FormData {
    const data = new FormData(form.current ?? undefined);
    const logo = data.get("logoFile");
    const hasFile = logo instanceof File && logo.size > 0;
    let logoAction = "keep";
    if (hasFile) logoAction = "replace";
    else if (removeLogo) logoAction = "remove";
    const template = {
      fields: fields.filter((field) => field.shown).map((field) => field.key),
      labels,
      companyName: data.get("companyName"),
      address: data.get("address"),
      vatNumber: data.get("vatNumber"),
      footer: data.get("footer"),
      accentColor: data.get("accentColor"),
      paperSize: data.get("paperSize"),
      logo: logoAction,
    };
    const body = new FormData();
    body.set("template", JSON.stringify(template));
    if (hasFile) body.set("logo", logo);
    for (const key of ["from", "to", "customer"]) body.set(key, String(data.get(key) ?? ""));

    return body;
  }

  async function submit(kind: "preview" | "save") {
    setPending(true);
    setStatus(null);
    const url = `/api/reports/templates/${props.slug}${kind === "preview" ? "/preview" : ""}`;
    const result = await sendTemplateForm(url, buildBody(), {
      network: t("networkError"),
      fallback: t("failed"),
    });
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      setFieldErrors(result.fields);
      return;
    }
    setError(null);
    setFieldErrors({});
    if (kind === "preview") {
      setPreview(await result.response.text());
      return;
    }
    const { version } = (await result.response.json()) as { version: number };
    setStatus(t("saved", { version }));
    router.refresh();
  }

  return (
    <form
      ref={form}
      noValidate
      aria-label={t("title")}
      className="flex flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        void submit("save");
      }}
    >
      <section className="flex flex-col gap-2">
        <h2 className="font-medium">{t("fields")}</h2>
        <p className="text-tremor-default text-tremor-content">{t("fieldsHint")}</p>
        <TemplateFields
          fields={fields}
          labels={labels}
          defaultLabels={props.defaultLabels}
          onFieldsChange={setFields}
          onLabelChange={setLabel}
        />
        {fieldErrors.fields && (
          <p role="alert" className="text-tremor-default text-red-700">
            {fieldErrors.fields}
          </p>
        )}
      </section>

      <section className="grid gap-4 md:grid-cols-2">
        <h2 className="font-medium md:col-span-2">{t("issuer")}</h2>
        <FormField label={t("companyName")} error={fieldErrors.companyName}>
          {(control) => (
            <input
              {...control}
              name="companyName"
              defaultValue={props.initial.companyName}
              className={inputClass}
            />
          )}
        </FormField>
        <FormField label={t("vatNumber")} error={fieldErrors.vatNumber}>
          {(control) => (
            <input
              {...control}
              name="vatNumber"
              defaultValue={props.initial.vatNumber}
              className={inputClass}
            />
          )}
        </FormField>
        <FormField label={t("address")} error={fieldErrors.address}>
          {(control) => (
            <textarea
              {...control}
              name="address"
              rows={2}
              defaultValue={props.initial.address}
              className={inputClass}
            />
          )}
        </FormField>
        <FormField label={t("footer")} error={fieldErrors.footer}>
          {(control) => (
            <textarea
              {...control}
              name="footer"
              rows={2}
              defaultValue={props.initial.footer}
              className={inputClass}
            />
          )}
        </FormField>
      </section>

      <section className="grid gap-4 md:grid-cols-3">
        <h2 className="font-medium md:col-span-3">{t("appearance")}</h2>
        <FormField
          label={t("accentColor")}
          hint={t("accentColorHint")}
          error={fieldErrors.accentColor}
        >
          {(control) => (
            <div className="flex items-center gap-2">
              <input
                type="color"
                aria-hidden
                tabIndex={-1}
                value={/^#[0-9a-f]{6}$/i.test(accent) ? accent : "#000000"}
                onChange={(event) => setAccent(event.target.value)}
              />
              <input
                {...control}
                name="accentColor"
                value={accent}
                onChange={(event) => setAccent(event.target.value)}
                className={inputClass}
              />
            </div>
          )}
        </FormField>
        <FormField label={t("paperSize")} error={fieldErrors.paperSize}>
          {(control) => (
            <select
              {...control}
              name="paperSize"
              defaultValue={props.initial.paperSize}
              className={inputClass}
            >
              {(["A4", "LETTER", "A3"] as const).map((size) => (
                <option key={size} value={size}>
                  {t(`paperSizes.${size}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("logo")} hint={t("logoHint")}>
          {(control) => (
            <input
              {...control}
              type="file"
              name="logoFile"
              accept="image/png,image/jpeg,image/svg+xml"
            />
          )}
        </FormField>
        <div className="flex items-center gap-3 md:col-span-3">
          {props.initial.logo ? (
            <>
              {/* eslint-disable-next-line @next/next/no-img-element -- a data URL from the database. */}
              <img src={props.initial.logo} alt={t("logoCurrent")} className="h-10 w-auto" />
              <label className="flex items-center gap-2 text-tremor-default">
                <input
                  type="checkbox"
                  checked={removeLogo}
                  onChange={(event) => setRemoveLogo(event.target.checked)}
                />
                {t("logoRemove")}
              </label>
            </>
          ) : (
            <span className="text-tremor-default text-tremor-content">{t("logoNone")}</span>
          )}
        </div>
      </section>

      <section className="flex flex-wrap items-end gap-3">
        <h2 className="w-full font-medium">{t("previewPeriod")}</h2>
        <label className="flex flex-col gap-1 text-tremor-default">
          {t("from")}
          <input type="date" name="from" className={inputClass} />
        </label>
        <label className="flex flex-col gap-1 text-tremor-default">
          {t("to")}
          <input type="date" name="to" className={inputClass} />
        </label>
        <label className="flex flex-col gap-1 text-tremor-default">
          {t("previewCustomer")}
          <select name="customer" defaultValue="" className={inputClass}>
            <option value="">{t("firstCustomer")}</option>
            {props.customers.map((customer) => (
              <option key={customer.code} value={customer.code}>
                {customer.name} ({customer.code})
              </option>
            ))}
          </select>
        </label>
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          disabled={pending}
          onClick={() => void submit("preview")}
          className={buttonClass}
        >
          {t("preview")}
        </button>
        <button
          type="submit"
          disabled={pending}
          className={`${buttonClass} bg-tremor-brand text-white hover:bg-tremor-brand-emphasis`}
        >
          {t("save")}
        </button>
        {error && (
          <p role="alert" className="text-tremor-default text-red-700">
            {error}
          </p>
        )}
        {status && (
          <p role="status" className="text-tremor-default text-emerald-700">
            {status}
          </p>
        )}
      </div>

      <section className="flex flex-col gap-2">
        <h2 className="font-medium">{t("previewTitle")}</h2>
        {preview ? (
          // The preview is rendered by the server from escaped data; the sandbox runs no scripts.
          <iframe
            title={t("previewTitle")}
            sandbox=""
            srcDoc={preview}
            className="h-[600px] w-full rounded-tremor-default border border-tremor-border"
          />
        ) : (
          <p className="text-tremor-default text-tremor-content">{t("previewEmpty")}</p>
        )}
      </section>
    </form>
  );
}
