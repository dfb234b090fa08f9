import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { readableKey } from "@/lib/i18n/readable-key";
import type { AuditFilterIssue, AuditFilterValues } from "@/lib/validations/audit-filters";

const inputClass =
  "w-full rounded-tremor-small border border-tremor-border bg-white px-3 py-2 shadow-tremor-input aria-[invalid=true]:border-red-500";

/** Renders the audit trail's filters as a GET form, so a filtered list has its own address. */
export async function AuditFiltersForm(props: {
  values: AuditFilterValues;
  issues: AuditFilterIssue[];
  entityTypes: string[];
  users: { id: string; name: string }[];
}) {
  const t = await getTranslations("audit");
  const errors = await getTranslations("errors");
  const issueOf = (field: keyof AuditFilterValues) => {
    const issue = props.issues.find((candidate) => candidate.field === field);

    return issue ? errors(issue.message, issue.values) : undefined;
  };
  const dateField = (field: "from" | "to") => {
    const error = issueOf(field);

    return (
      <div className="flex flex-col gap-1 text-tremor-default">
        <label htmlFor={`audit-${field}`}>{t(`filters.${field}`)}</label>
        <input
          id={`audit-${field}`}
          name={field}
          defaultValue={props.values[field]}
          placeholder={t("filters.datePlaceholder")}
          inputMode="numeric"
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `audit-${field}-error` : undefined}
          className={inputClass}
        />
        {error && (
          <span id={`audit-${field}-error`} className="text-tremor-label text-red-700">
            {error}
          </span>
        )}
      </div>
    );
  };

  return (
    <form
      role="search"
      aria-label={t("filters.title")}
      className="grid items-end gap-3 rounded-tremor-default border border-tremor-border bg-white p-4 shadow-tremor-card sm:grid-cols-2 lg:grid-cols-5"
    >
      <div className="flex flex-col gap-1 text-tremor-default">
        <label htmlFor="audit-entity">{t("filters.entity")}</label>
        <select
          id="audit-entity"
          name="entity"
          defaultValue={props.values.entity}
          className={inputClass}
        >
          <option value="">{t("filters.all")}</option>
          {props.entityTypes.map((type) => (
            <option key={type} value={type}>
              {t.has(`entities.${type}`) ? t(`entities.${type}`) : readableKey(type)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1 text-tremor-default">
        <label htmlFor="audit-user">{t("filters.user")}</label>
        <select id="audit-user" name="user" defaultValue={props.values.user} className={inputClass}>
          <option value="">{t("filters.all")}</option>
          {props.users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
      </div>
      {dateField("from")}
      {dateField("to")}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis"
        >
          {t("filters.apply")}
        </button>
        <Link href="/audit" className="text-tremor-default text-tremor-brand hover:underline">
          {t("filters.reset")}
        </Link>
      </div>
    </form>
  );
}
