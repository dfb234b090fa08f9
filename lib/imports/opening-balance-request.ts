import type { CsvReadOptions } from "./csv";
import { readOptionsFromForm } from "./import-table";
import {
  type OpeningBalanceMapping,
  openingBalanceMappingFieldSchema,
} from "./opening-balance-rows";
import { readCsvUpload } from "./upload";

export interface OpeningBalanceRequest {
  fileName: string;
  bytes: Uint8Array;
  mapping: OpeningBalanceMapping;
  read: CsvReadOptions;
}

/**
 * Reads a multipart request of the opening-balance import: the file in `file`, the mapping as JSON
 * in `mapping`, and the optional `encoding` and `delimiter` ("auto" or a value).
 */
export async function readOpeningBalanceRequest(request: Request): Promise<OpeningBalanceRequest> {
  const { form, fileName, bytes } = await readCsvUpload(request);
  const mapping = openingBalanceMappingFieldSchema.parse(form.get("mapping"));

  return { fileName, bytes, mapping, read: readOptionsFromForm(form) };
}
