// Requests of the session import page. They go through XMLHttpRequest rather than fetch because
// only XMLHttpRequest reports how much of a request body has been sent, which is most of the wait
// for a large file on a slow connection.
import type {
  SessionImportPreview,
  SessionImportProgress,
  SessionImportResult,
} from "@/lib/db/session-import";
import type { SessionLogInspection } from "@/lib/imports/session-inspect";
import type { ErrorBody } from "@/lib/http/respond";

import { ImportRequestError } from "./api";

export type { SessionImportPreview, SessionImportProgress, SessionImportResult };
export type SessionInspection = SessionLogInspection & { fileName: string };

export type FormatChoice = "auto" | "teamviewer" | "csv";

export interface SessionImportForm {
  file: File;
  format: FormatChoice;
  // The CSV mapping as kept in the form state, where an empty string means "no column".
  columns: Record<string, string> | null;
}

export interface RequestCallbacks {
  // Fraction of the request body sent, from 0 to 1.
  onUpload?: (fraction: number) => void;
  // Progress reported by the server while it works on a streamed request.
  onProgress?: (progress: SessionImportProgress) => void;
}

type StreamLine =
  | ({ type: "progress" } & SessionImportProgress)
  | { type: "result"; data: unknown }
  | ({ type: "error"; status: number } & ErrorBody);

function toFormData(form: SessionImportForm): FormData {
  const data = new FormData();
  data.append("file", form.file);
  data.append("format", form.format);
  if (form.columns) data.append("mapping", JSON.stringify({ columns: form.columns }));

  return data;
}

function requestError(body: Partial<ErrorBody> | null): ImportRequestError {
  const error = body?.error;
  const details = (error?.fields ?? []).map((issue) => issue.message);

  return new ImportRequestError(error?.message ?? null, [...new Set(details)]);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Posts the import form and returns the JSON body. With `streamed`, the body is newline-delimited
 * JSON: progress lines are passed to `onProgress` as they arrive, and the final line carries the
 * result or the error.
 */
export function postSessionImport<T>(
  path: string,
  form: SessionImportForm,
  options: RequestCallbacks & { streamed?: boolean } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    let consumed = 0;
    let outcome: StreamLine | null = null;

    // Handles the complete lines received since the last call.
    const readLines = () => {
      const text = request.responseText;
      let end = text.indexOf("\n", consumed);
      while (end !== -1) {
        const line = parseJson(text.slice(consumed, end)) as StreamLine | null;
        consumed = end + 1;
        if (line?.type === "progress") options.onProgress?.(line);
        else if (line) outcome = line;
        end = text.indexOf("\n", consumed);
      }
    };

    request.open("POST", path);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onUpload?.(event.loaded / event.total);
    };
    if (options.streamed) request.onprogress = readLines;
    request.onerror = () => reject(new ImportRequestError(null));
    request.onload = () => {
      if (request.status !== 200) {
        reject(requestError(parseJson(request.responseText) as Partial<ErrorBody> | null));
        return;
      }
      if (!options.streamed) {
        resolve(parseJson(request.responseText) as T);
        return;
      }

      readLines();
      const last = outcome as StreamLine | null;
      if (last?.type === "result") resolve(last.data as T);
      else reject(requestError(last?.type === "error" ? last : null));
    };
    request.send(toFormData(form));
  });
}
