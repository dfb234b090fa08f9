// Filters of the sessions list, read from the page's search parameters. Invalid filters are
// reported per field instead of being dropped, so the list never shows another set than requested.
import {
  addDays,
  type CalendarDate,
  compareCalendarDates,
  formatCalendarDate,
  monthOf,
  parseCalendarDate,
  startOfBusinessDay,
} from "@/lib/domain/business-date";

export const SESSION_STATUS_FILTERS = ["RUNNING", "CLOSED", "UNASSIGNED"] as const;
export type SessionStatusFilter = (typeof SESSION_STATUS_FILTERS)[number];

export interface SessionFilters {
  // Sessions that started at or after this instant.
  startedFrom?: Date;
  // Sessions that started before this instant.
  startedBefore?: Date;
  // Customer code prefix or part of the name.
  customer?: string;
  // Part of the operator's name.
  operator?: string;
  status?: SessionStatusFilter;
}

// Values of the filter form: as typed, or the defaults.
export interface SessionFilterValues {
  from: string;
  to: string;
  customer: string;
  operator: string;
  status: string;
}

export interface FilterIssue {
  field: keyof SessionFilterValues;
  // Message key under `errors.`.
  message: string;
  values?: Record<string, string>;
}

export type ParsedSessionFilters =
  | { ok: true; filters: SessionFilters; values: SessionFilterValues }
  | { ok: false; issues: FilterIssue[]; values: SessionFilterValues };

type SearchParams = Record<string, string | string[] | undefined>;

const MAX_TEXT_LENGTH = 100;

/**
 * Reads the list's filters. The period defaults to the current month in the business time zone.
 * It covers whole days, from the start of `from` to the end of `to`, and both are required.
 */
export function parseSessionFilters(params: SearchParams, now: Date): ParsedSessionFilters {
  const month = monthOf(now);
  const values: SessionFilterValues = {
    from: first(params.from) ?? formatCalendarDate(month.first),
    to: first(params.to) ?? formatCalendarDate(month.last),
    customer: (first(params.customer) ?? "").slice(0, MAX_TEXT_LENGTH),
    operator: (first(params.operator) ?? "").slice(0, MAX_TEXT_LENGTH),
    status: first(params.status) ?? "",
  };
  const issues: FilterIssue[] = [];

  const from = parseDateField("from", values.from, issues);
  const to = parseDateField("to", values.to, issues);
  if (from && to && compareCalendarDates(to, from) < 0) {
    issues.push({ field: "to", message: "session.filterEndBeforeStart" });
  }

  const status = values.status as SessionStatusFilter | "";
  if (status !== "" && !SESSION_STATUS_FILTERS.includes(status)) {
    issues.push({ field: "status", message: "session.filterStatusInvalid" });
  }
  if (issues.length > 0) return { ok: false, issues, values };

  const filters: SessionFilters = {
    startedFrom: from ? startOfBusinessDay(from) : undefined,
    startedBefore: to ? startOfBusinessDay(addDays(to, 1)) : undefined,
    customer: values.customer.trim() || undefined,
    operator: values.operator.trim() || undefined,
    status: status || undefined,
  };

  return { ok: true, filters, values };
}

// An empty date is an error rather than an open end, so every link to a page of the list,
// which drops empty parameters, still carries the period it shows.
function parseDateField(
  field: "from" | "to",
  text: string,
  issues: FilterIssue[],
): CalendarDate | null {
  if (!text.trim()) {
    issues.push({ field, message: "session.filterDateMissing" });
    return null;
  }

  const date = parseCalendarDate(text);
  if (!date) issues.push({ field, message: "session.filterDateInvalid", values: { value: text } });

  return date;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
