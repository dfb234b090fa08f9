// Compares mapped rows with the stored customers of the same code. Only mapped fields count, so a
// column the user left out never makes a row look changed.
import type { RegistryField } from "./registry-mapping";
import type { RegistryRow } from "./registry-rows";

// The stored registry fields of one customer.
export type StoredRegistryValues = Record<RegistryField, string | null>;

export interface FieldChange {
  field: RegistryField;
  before: string | null;
  after: string | null;
}

export interface UpdatedRegistryRow extends RegistryRow {
  changes: FieldChange[];
}

export interface RegistryComparison {
  new: RegistryRow[];
  updated: UpdatedRegistryRow[];
  unchanged: RegistryRow[];
}

/** Sorts `rows` into new, updated (with the fields that change) and unchanged customers. */
export function compareRegistryRows(
  rows: RegistryRow[],
  stored: Map<string, StoredRegistryValues>,
  fields: RegistryField[],
): RegistryComparison {
  const comparison: RegistryComparison = { new: [], updated: [], unchanged: [] };

  for (const row of rows) {
    const current = stored.get(row.values.code);
    if (!current) {
      comparison.new.push(row);
      continue;
    }

    const changes = fields.flatMap((field): FieldChange[] => {
      const after = row.values[field] ?? null;

      return current[field] === after ? [] : [{ field, before: current[field], after }];
    });
    if (changes.length > 0) comparison.updated.push({ ...row, changes });
    else comparison.unchanged.push(row);
  }

  return comparison;
}
