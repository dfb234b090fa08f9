import type { SavedRegistryMapping } from "@/lib/db/registry-import";
import { REGISTRY_FIELDS } from "@/lib/imports/registry-mapping";

import type { MappingRequest } from "./api";
import type { ColumnChoice, DeviceChoice, FilterChoice } from "./column-mapping";

export interface MappingState {
  columns: ColumnChoice;
  devices: DeviceChoice;
  filter: FilterChoice;
  deactivateMissing: boolean;
  // Whether the state came from the mapping saved by the last import.
  saved: boolean;
  // Headers the saved mapping leaves unmapped because the last imported file did not have them.
  unmappedHeaders: string[];
}

/**
 * Returns the saved mapping when the server found one matching the file's columns, otherwise
 * suggests only headers spelled exactly like a field name, ignoring case. A looser match would be
 * a guess, and a wrong guess is easy to miss in a long form.
 */
export function initialMapping(
  headers: string[],
  savedMapping: SavedRegistryMapping | null,
): MappingState {
  if (savedMapping) {
    const saved = savedMapping.mapping;
    const columns = Object.fromEntries(
      REGISTRY_FIELDS.map((field) => [field, saved.columns[field] ?? ""]),
    ) as ColumnChoice;

    return {
      columns,
      devices: { TEAMVIEWER: saved.devices.TEAMVIEWER ?? "", ANYDESK: saved.devices.ANYDESK ?? "" },
      filter: saved.filter ?? { column: "", value: "" },
      // Never taken from the saved mapping: it applies to one import only.
      deactivateMissing: false,
      saved: true,
      unmappedHeaders: savedMapping.unmappedHeaders,
    };
  }

  const byName = new Map(headers.map((header) => [header.toLowerCase(), header]));
  const columns = Object.fromEntries(
    REGISTRY_FIELDS.map((field) => [field, byName.get(field.toLowerCase()) ?? ""]),
  ) as ColumnChoice;

  return {
    columns,
    devices: { TEAMVIEWER: "", ANYDESK: "" },
    filter: { column: "", value: "" },
    deactivateMissing: false,
    saved: false,
    unmappedHeaders: [],
  };
}

/** Turns the form state into the mapping the server expects. */
export function toMappingRequest(state: MappingState): MappingRequest {
  const { filter } = state;
  const hasFilter = filter.column !== "" || filter.value.trim() !== "";

  return {
    columns: state.columns,
    filter: hasFilter ? filter : null,
    devices: state.devices,
    deactivateMissing: state.deactivateMissing,
  };
}
