import Link from "next/link";
import { getTranslations } from "next-intl/server";

import {
  type FilterIssue,
  SESSION_STATUS_FILTERS,
  type SessionFilterValues,
} from "@/lib/validations/session-filters";

const inputClass =
  "w-full rounded-tremor-small border border-tremor-border bg-white px-3 py-2 shadow-tremor-input aria-[invalid=true]:border-red-500";

/** Renders the sessions list's filters as a GET form, so a filtered list has its own address. */
export async function SessionFiltersForm(props: {
  values: SessionFilterValues;
  issues: FilterIssue[];
  operators: string[];
}) {
  const t = await getTranslations("sessions.list");
  const errors = await getTranslations("errors");
  const issueOf = (field: keyof SessionFilterValues) => {
    const issue = props.issues.find((candidate) => candidate.field === field);

    return issue ? errors(issue.message, issue.values) : undefined;
  };
  const textField = (field: "from" | "to" | "customer" | "operator", extra: object = {}) => {
    const error = issueOf(field);

    return (
      <div className="flex flex-col gap-1 text-tremor-default">
        <label htmlFor={`filter-${field}`}>{t(`filters.${field}`)}</label>
        <input
          id={`filter-${field}`}
          name={field}
          defaultValue={props.values[field]}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `filter-${field}-error` : undefined}
          className={inputClass}
          {...extra}
        />
        {error && (
          <span id={`filter-${field}-error`} className="text-tremor-label text-red-700">
            {error}
          </span>
        )}
      </div>
    );
  };
  const statusError = issueOf("status");

  return (
    <form
      role="search"
      aria-label={t("filters.title")}
      className="grid items-start gap-3 rounded-tremor-default border border-tremor-border bg-white p-4 shadow-tremor-card sm:grid-cols-2 lg:grid-cols-6"
    >
      {textField("from", { placeholder: t("filters.datePlaceholder"), inputMode: "numeric" })}
      {textField("to", { placeholder: t("filters.datePlaceholder"), inputMode: "numeric" })}
      {textField("customer", { placeholder: t("filters.customerPlaceholder") })}
      {textField("operator", { list: "operator-names" })}
      <datalist id="operator-names">
        {props.operators.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <div className="flex flex-col gap-1 text-tremor-default">
        <label htmlFor="filter-status">{t("filters.status")}</label>
        <select
          id="filter-status"
          name="status"
          defaultValue={props.values.status}
          aria-invalid={Boolean(statusError)}
          className={inputClass}
        >
          <option value="">{t("filters.anyStatus")}</option>
          {SESSION_STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {t(`filters.statuses.${status}`)}
            </option>
          ))}
        </select>
        {statusError && <span className="text-tremor-label text-red-700">{statusError}</span>}
      </div>
      <div className="flex gap-2 self-end">
        <button
          type="submit"
          className="rounded-tremor-small bg-tremor-brand px-4 py-2 font-medium text-white hover:bg-tremor-brand-emphasis"
        >
          {t("filters.apply")}
        </button>
        <Link
          href="/sessions"
          className="rounded-tremor-small px-3 py-2 text-tremor-content hover:bg-tremor-background-subtle"
        >
          {t("filters.reset")}
        </Link>
      </div>
    </form>
  );
}
