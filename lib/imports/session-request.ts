import {
  type RequestedSessionLogFormat,
  type SessionCsvMapping,
  sessionCsvMappingFieldSchema,
  sessionLogFormatSchema,
} from "./session-csv-mapping";
import { withSessionMessages } from "./session-log";
import { readCsvUpload } from "./upload";

export interface SessionImportRequest {
  fileName: string;
  bytes: Uint8Array;
  format: RequestedSessionLogFormat;
  // Null when the form has no `mapping` field, which only a TeamViewer log may omit.
  mapping: SessionCsvMapping | null;
}

/**
 * Reads a multipart request of the session import: the file in `file`, the format ("auto",
 * "teamviewer" or "csv") in `format`, and for a CSV file the column mapping as JSON in `mapping`.
 */
export async function readSessionImportRequest(request: Request): Promise<SessionImportRequest> {
  let upload: Awaited<ReturnType<typeof readCsvUpload>>;
  try {
    upload = await readCsvUpload(request);
  } catch (error) {
    throw withSessionMessages(error);
  }

  const format = sessionLogFormatSchema.parse(upload.form.get("format"));
  const mappingField = upload.form.get("mapping");
  const mapping = mappingField === null ? null : sessionCsvMappingFieldSchema.parse(mappingField);

  return { fileName: upload.fileName, bytes: upload.bytes, format, mapping };
}
