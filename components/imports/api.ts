import type {
  RegistryImportCounts,
  RegistryImportProgress,
  RegistryPreview,
  SavedRegistryMapping,
} from "@/lib/db/registry-import";
import type { Delimiter } from "@/lib/imports/csv";
import type { CsvInspection } from "@/lib/imports/inspect";
import type { TextEncoding } from "@/lib/imports/text-encoding";

import { type SendCallbacks, sendImportForm } from "./send-form";

export type Inspection = CsvInspection & {
  fileName: string;
  savedMapping: SavedRegistryMapping | null;
};
export type { RegistryImportCounts, RegistryImportProgress, RegistryPreview };

// The mapping as kept in the form state, where an empty string means "no column".
export interface MappingRequest {
  columns: Record<string, string>;
  filter: { column: string; value: string } | null;
  devices: { TEAMVIEWER: string; ANYDESK: string };
  deactivateMissing: boolean;
}

// Encoding and delimiter of a CSV file: "auto" lets the server detect them.
export interface ReadChoice {
  encoding: "auto" | TextEncoding;
  delimiter: "auto" | Delimiter;
}

export interface RegistryForm {
  file: File;
  read: ReadChoice;
  mapping?: MappingRequest;
  skipRejected?: boolean;
}

/** A failed request, with the server's translated message and field messages when it sent them. */
export class ImportRequestError extends Error {
  constructor(
    readonly serverMessage: string | null,
    readonly details: string[] = [],
  ) {
    super(serverMessage ?? "request failed");
    this.name = "ImportRequestError";
  }
}

/** Posts the registry import form; see sendImportForm for `streamed` and the callbacks. */
export function postRegistryImport<T>(
  path: string,
  form: RegistryForm,
  options: SendCallbacks<RegistryImportProgress> & { streamed?: boolean } = {},
): Promise<T> {
  const data = new FormData();
  data.append("file", form.file);
  data.append("encoding", form.read.encoding);
  data.append("delimiter", form.read.delimiter);
  if (form.mapping) data.append("mapping", JSON.stringify(form.mapping));
  if (form.skipRejected) data.append("skipRejected", "true");

  return sendImportForm<T, RegistryImportProgress>(path, data, options);
}
