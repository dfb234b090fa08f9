"use client";

import { useTranslations } from "next-intl";

export interface EditorField {
  key: string;
  shown: boolean;
}

export type EditorLabels = { it: Record<string, string>; en: Record<string, string> };

const inputClass = "w-full rounded-tremor-small border border-tremor-border px-2 py-1";

/**
 * Lists the columns of a report with a checkbox to show each one, arrows to reorder them and
 * its Italian and English labels. Blank labels show the default as placeholder.
 */
export function TemplateFields(props: {
  fields: EditorField[];
  labels: EditorLabels;
  defaultLabels: EditorLabels;
  onFieldsChange: (fields: EditorField[]) => void;
  onLabelChange: (locale: "it" | "en", key: string, value: string) => void;
}) {
  const t = useTranslations("reportTemplates");
  const { fields, labels, defaultLabels } = props;

  function move(index: number, offset: number) {
    const next = [...fields];
    const [field] = next.splice(index, 1);
    next.splice(index + offset, 0, field);
    props.onFieldsChange(next);
  }

  function toggle(index: number, checked: boolean) {
    props.onFieldsChange(fields.map((field, at) => (at === index ? { ...field, shown: checked } : field)));
  }

  return (
    <table className="w-full text-tremor-default">
      <thead>
        <tr className="text-left text-tremor-content">
          <th className="py-1 pr-2">{t("show")}</th>
          <th className="py-1 pr-2">{t("field")}</th>
          <th className="py-1 pr-2">{t("labelIt")}</th>
          <th className="py-1 pr-2">{t("labelEn")}</th>
          <th className="py-1" />
        </tr>
      </thead>
      <tbody>
        {fields.map((field, index) => {
          const name = defaultLabels.it[field.key] ?? field.key;

          return (
            <tr key={field.key} data-field={field.key} className="border-t border-tremor-border">
              <td className="py-1 pr-2">
                <input
                  type="checkbox"
                  aria-label={`${t("show")} ${name}`}
                  checked={field.shown}
                  onChange={(event) => toggle(index, event.target.checked)}
                />
              </td>
              <td className="py-1 pr-2 font-medium">{name}</td>
              {(["it", "en"] as const).map((locale) => (
                <td key={locale} className="py-1 pr-2">
                  <input
                    aria-label={`${locale === "it" ? t("labelIt") : t("labelEn")} ${name}`}
                    value={labels[locale][field.key] ?? ""}
                    placeholder={defaultLabels[locale][field.key]}
                    maxLength={60}
                    onChange={(event) => props.onLabelChange(locale, field.key, event.target.value)}
                    className={inputClass}
                  />
                </td>
              ))}
              <td className="whitespace-nowrap py-1">
                <button
                  type="button"
                  aria-label={t("moveUp", { field: name })}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                  className="rounded-tremor-small border border-tremor-border px-2 disabled:opacity-40"
                >
                  ↑
                </button>{" "}
                <button
                  type="button"
                  aria-label={t("moveDown", { field: name })}
                  disabled={index === fields.length - 1}
                  onClick={() => move(index, 1)}
                  className="rounded-tremor-small border border-tremor-border px-2 disabled:opacity-40"
                >
                  ↓
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
