// Requests of the session import page.
import type {
  SessionImportPreview,
  SessionImportProgress,
  SessionImportResult,
} from "@/lib/db/session-import";
import type { SessionLogInspection } from "@/lib/imports/session-inspect";

import { type SendCallbacks, sendImportForm } from "./send-form";

export type { SessionImportPreview, SessionImportProgress, SessionImportResult };
export type SessionInspection = SessionLogInspection & { fileName: string };

export type FormatChoice = "auto" | "teamviewer" | "csv";

export interface SessionImportForm {
  file: File;
  format: FormatChoice;
  // The CSV mapping as kept in the form state, where an empty string means "no column".
  columns: Record<string, string> | null;
}

export type RequestCallbacks = SendCallbacks<SessionImportProgress>;

function toFormData(form: SessionImportForm): FormData {
  const data = new FormData();
  data.append("file", form.file);
  data.append("format", form.format);
  if (form.columns) data.append("mapping", JSON.stringify({ columns: form.columns }));

  return data;
}

/** Posts the session import form; see sendImportForm for `streamed` and the callbacks. */
export function postSessionImport<T>(
  path: string,
  form: SessionImportForm,
  options: RequestCallbacks & { streamed?: boolean } = {},
): Promise<T> {
  return sendImportForm<T, SessionImportProgress>(path, toFormData(form), options);
}
