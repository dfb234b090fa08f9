import type { RegistryImportCounts, RegistryPreview } from "@/lib/db/registry-import";
import type { CsvInspection } from "@/lib/imports/inspect";
import type { ErrorBody } from "@/lib/http/respond";

export type Inspection = CsvInspection & { fileName: string };
export type { RegistryImportCounts, RegistryPreview };

// The mapping as kept in the form state, where an empty string means "no column".
export interface MappingRequest {
  columns: Record<string, string>;
  filter: { column: string; value: string } | null;
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

/** Posts the file (and the mapping, when given) as multipart form data and returns the JSON body. */
export async function postImportForm<T>(
  path: string,
  file: File,
  mapping?: MappingRequest,
): Promise<T> {
  const form = new FormData();
  form.append("file", file);
  if (mapping) form.append("mapping", JSON.stringify(mapping));

  let response: Response;
  try {
    response = await fetch(path, { method: "POST", body: form });
  } catch {
    throw new ImportRequestError(null);
  }

  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as Partial<ErrorBody> | null)?.error;
    const details = (error?.fields ?? []).map((issue) => issue.message);

    throw new ImportRequestError(error?.message ?? null, [...new Set(details)]);
  }

  return body as T;
}
