// Filters of the audit trail page, read from its search parameters. Invalid filters are reported
// per field instead of being dropped, so the page never lists another set than requested.
import {
  addDays,
  compareCalendarDates,
  parseCalendarDate,
  startOfBusinessDay,
} from "@/lib/domain/business-date";

export interface AuditFilters {
  entityType?: string;
  actorId?: string;
  // Events at or after this instant.
  from?: Date;
  // Events before this instant.
  before?: Date;
}

// Values of the filter form, as typed.
export interface AuditFilterValues {
  entity: string;
  user: string;
  from: string;
  to: string;
}

export interface AuditFilterIssue {
  field: keyof AuditFilterValues;
  // Message key under `errors.`.
  message: string;
  values?: Record<string, string>;
}

export type ParsedAuditFilters =
  | { ok: true; filters: AuditFilters; values: AuditFilterValues }
  | { ok: false; issues: AuditFilterIssue[]; values: AuditFilterValues };

type SearchParams = Record<string, string | string[] | undefined>;

const MAX_TEXT_LENGTH = 100;

/** Reads the filters. Every filter is optional, and the dates cover whole business days. */
export function parseAuditFilters(params: SearchParams): ParsedAuditFilters {
  const values: AuditFilterValues = {
    entity: text(params.entity),
    user: text(params.user),
    from: text(params.from),
    to: text(params.to),
  };
  const issues: AuditFilterIssue[] = [];

  const from = parseOptionalDate("from", values.from, issues);
  const to = parseOptionalDate("to", values.to, issues);
  if (from && to && compareCalendarDates(to, from) < 0) {
    issues.push({ field: "to", message: "audit.filterEndBeforeStart" });
  }
  if (issues.length > 0) return { ok: false, issues, values };

  const filters: AuditFilters = {
    entityType: values.entity || undefined,
    actorId: values.user || undefined,
    from: from ? startOfBusinessDay(from) : undefined,
    before: to ? startOfBusinessDay(addDays(to, 1)) : undefined,
  };

  return { ok: true, filters, values };
}

function parseOptionalDate(
  field: "from" | "to",
  value: string,
  issues: AuditFilterIssue[],
): ReturnType<typeof parseCalendarDate> {
  if (!value) return null;

  const date = parseCalendarDate(value);
  if (!date) issues.push({ field, message: "audit.filterDateInvalid", values: { value } });

  return date;
}

function text(value: string | string[] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value;

  return (first ?? "").trim().slice(0, MAX_TEXT_LENGTH);
}
