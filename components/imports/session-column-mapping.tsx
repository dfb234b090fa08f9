"use client";

import { useTranslations } from "next-intl";

import { SESSION_CSV_FIELDS, type SessionCsvField } from "@/lib/imports/session-csv-mapping";

export type SessionColumnChoice = Record<SessionCsvField, string>;

const inputClass =
  "w-full rounded-tremor-small border border-tremor-border bg-white px-3 py-2 text-tremor-default shadow-tremor-input";

/**
 * Suggests the header whose name equals a field's key or label, ignoring case. A looser match
 * would be a guess, and a wrong guess is easy to miss in a long form.
 */
export function suggestSessionColumns(
  headers: string[],
  labelOf: (field: SessionCsvField) => string,
): SessionColumnChoice {
  const byName = new Map(headers.map((header) => [header.trim().toLowerCase(), header]));
  const pick = (field: SessionCsvField) =>
    byName.get(field.toLowerCase()) ?? byName.get(labelOf(field).toLowerCase()) ?? "";

  return Object.fromEntries(
    SESSION_CSV_FIELDS.map((field) => [field, pick(field)]),
  ) as SessionColumnChoice;
}

/** Selects mapping each session field to a CSV column. */
export function SessionColumnMapping(props: {
  headers: string[];
  columns: SessionColumnChoice;
  disabled: boolean;
  onChange: (columns: SessionColumnChoice) => void;
}) {
  const t = useTranslations("sessionImport");
  const { headers, columns, disabled } = props;
  const requirement = (field: SessionCsvField) => {
    if (field === "startedAt") return t("mapping.required");
    if (field === "endedAt" || field === "durationSeconds") return t("mapping.endOrDuration");

    return null;
  };

  return (
    <section>
      <h2 className="font-semibold text-tremor-content-strong">{t("mapping.title")}</h2>
      <p className="mb-3 text-tremor-default text-tremor-content">{t("mapping.hint")}</p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {SESSION_CSV_FIELDS.map((field) => (
          <label key={field} className="flex flex-col gap-1 text-tremor-default">
            <span>
              {t(`fields.${field}`)}
              {requirement(field) && (
                <span className="ml-1 text-tremor-label text-tremor-content-subtle">
                  ({requirement(field)})
                </span>
              )}
            </span>
            <select
              aria-label={t(`fields.${field}`)}
              data-testid={`session-mapping-${field}`}
              value={columns[field]}
              disabled={disabled}
              onChange={(event) => props.onChange({ ...columns, [field]: event.target.value })}
              className={inputClass}
            >
              <option value="">{t("mapping.none")}</option>
              {headers.map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </section>
  );
}
