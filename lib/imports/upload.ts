import { AppError } from "@/lib/errors";

import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_REQUEST_BYTES } from "./limits";

export interface CsvUpload {
  form: FormData;
  fileName: string;
  bytes: Uint8Array;
}

function fileTooLarge(): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", "imports.fileTooLarge", {
    values: { maxMegabytes: MAX_IMPORT_FILE_BYTES / (1024 * 1024) },
  });
}

/**
 * Reads a multipart request whose `file` field is the CSV to import. A body whose declared length
 * is over the limit is rejected before it is read.
 */
export async function readCsvUpload(request: Request): Promise<CsvUpload> {
  // The proxy's body buffer (next.config.js) cuts off longer bodies and declares the cut-off size,
  // which is over this limit too. NOTE: a chunked request declares no length, so it is read before
  // the file size check, and one cut off by the proxy fails as a missing file instead of 413.
  // Browsers always send Content-Length with FormData.
  if (Number(request.headers.get("content-length")) > MAX_IMPORT_REQUEST_BYTES) {
    throw fileTooLarge();
  }

  let form: FormData;
  try {
    form = await request.formData();
  } catch (error) {
    throw new AppError("VALIDATION", "imports.fileMissing", { cause: error });
  }

  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("VALIDATION", "imports.fileMissing");
  if (file.size > MAX_IMPORT_FILE_BYTES) throw fileTooLarge();

  return { form, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
