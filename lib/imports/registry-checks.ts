// Checks of the values in one registry row that need more than presence: Italian VAT numbers and
// tax codes, and the device IDs of the optional device columns.
import { normalizeRemoteId } from "@/lib/domain/device-id";
import { isValidTaxCode, normalizeTaxCode } from "@/lib/domain/tax-code";
import { normalizeVatNumber } from "@/lib/domain/vat-number";

import type { RegistryDeviceKind } from "./registry-mapping";

export interface RegistryDevice {
  kind: RegistryDeviceKind;
  remoteId: string;
}

export type IdentifierProblem =
  | { kind: "invalidVatNumber"; value: string }
  | { kind: "invalidTaxCode"; value: string }
  | { kind: "invalidDeviceId"; deviceKind: RegistryDeviceKind; value: string };

// One cell may list several IDs of the same kind, separated by commas, semicolons or bars. Spaces
// are not separators, because TeamViewer shows its IDs grouped with spaces ("123 456 789").
const DEVICE_SEPARATORS = /[,;|]/;

/** Returns the VAT number in stored form, or the problem with it. Null stays null. */
export function checkVatNumber(value: string | null): { value: string | null } | IdentifierProblem {
  if (value === null) return { value };
  const result = normalizeVatNumber(value);

  return result.ok ? { value: result.value } : { kind: "invalidVatNumber", value };
}

/** Returns the tax code in stored form (upper case, no spaces), or the problem with it. */
export function checkTaxCode(value: string | null): { value: string | null } | IdentifierProblem {
  if (value === null) return { value };
  const normalized = normalizeTaxCode(value);

  return isValidTaxCode(normalized) ? { value: normalized } : { kind: "invalidTaxCode", value };
}

/** Returns the device IDs of one cell in canonical form, or the problem with the first bad one. */
export function checkDeviceCell(
  kind: RegistryDeviceKind,
  cell: string | null,
): { devices: RegistryDevice[] } | IdentifierProblem {
  if (cell === null) return { devices: [] };

  const devices: RegistryDevice[] = [];
  for (const part of cell.split(DEVICE_SEPARATORS)) {
    if (part.trim() === "") continue;
    const result = normalizeRemoteId(kind, part);
    if (!result.ok) return { kind: "invalidDeviceId", deviceKind: kind, value: part.trim() };
    if (!devices.some((device) => device.remoteId === result.remoteId)) {
      devices.push({ kind, remoteId: result.remoteId });
    }
  }

  return { devices };
}

/** Returns the key under which a device is unique, as in the Device table. */
export function deviceKey(device: RegistryDevice): string {
  return `${device.kind}:${device.remoteId}`;
}
