// Turns the before and after snapshots of an audit event into one line per changed field.

export interface AuditFieldChange {
  field: string;
  // Display text of the value, or null when the field is absent on that side.
  before: string | null;
  after: string | null;
}

// Longer values (a pasted comment, a whole rules object) are cut so one event stays readable.
const MAX_VALUE_LENGTH = 200;

/**
 * Lists the top-level fields whose values differ between `before` and `after`, in the order they
 * first appear. A snapshot that is not a JSON object is compared as one field named "value".
 */
export function diffAuditValues(before: unknown, after: unknown): AuditFieldChange[] {
  const left = asRecord(before);
  const right = asRecord(after);
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])];

  return fields
    .filter((field) => JSON.stringify(left[field]) !== JSON.stringify(right[field]))
    .map((field) => ({
      field,
      before: field in left ? displayValue(left[field]) : null,
      after: field in right ? displayValue(right[field]) : null,
    }));
}

function asRecord(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;

  return { value };
}

function displayValue(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);

  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}
