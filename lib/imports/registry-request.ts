import type { CsvReadOptions } from "./csv";
import { readOptionsFromForm } from "./import-table";
import { type RegistryMapping, registryMappingFieldSchema } from "./registry-mapping";
import { readCsvUpload } from "./upload";

export interface RegistryImportRequest {
  fileName: string;
  bytes: Uint8Array;
  mapping: RegistryMapping;
  read: CsvReadOptions;
  skipRejected: boolean;
}

/**
 * Reads a multipart request of the registry import. It contains the file in `file`, the mapping as
 * JSON in `mapping`, and the optional `encoding` and `delimiter`, each "auto" or a value. The field
 * `skipRejected` set to "true" imports the valid rows of a file that also has rejected rows.
 */
export async function readRegistryImportRequest(request: Request): Promise<RegistryImportRequest> {
  const { form, fileName, bytes } = await readCsvUpload(request);
  const mapping = registryMappingFieldSchema.parse(form.get("mapping"));

  return {
    fileName,
    bytes,
    mapping,
    read: readOptionsFromForm(form),
    skipRejected: form.get("skipRejected") === "true",
  };
}
