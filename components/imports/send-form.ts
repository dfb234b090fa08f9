// Requests of the import pages. They go through XMLHttpRequest rather than fetch because only
// XMLHttpRequest reports how much of a request body has been sent, which is most of the wait for a
// large file on a slow connection.
import type { ErrorBody } from "@/lib/http/respond";

import { ImportRequestError } from "./api";

export interface SendCallbacks<P> {
  // Fraction of the request body sent, from 0 to 1.
  onUpload?: (fraction: number) => void;
  // Progress reported by the server while it works on a streamed request.
  onProgress?: (progress: P) => void;
}

type StreamLine<P> =
  | ({ type: "progress" } & P)
  | { type: "result"; data: unknown }
  | ({ type: "error"; status: number } & ErrorBody);

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
 * Posts `data` and returns the JSON body. With `streamed`, the body is newline-delimited JSON:
 * progress lines are passed to `onProgress` as they arrive, and the final line carries the result
 * or the error.
 */
export function sendImportForm<T, P>(
  path: string,
  data: FormData,
  options: SendCallbacks<P> & { streamed?: boolean } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    let consumed = 0;
    let outcome: StreamLine<P> | null = null;

    // Handles the complete lines received since the last call.
    const readLines = () => {
      const text = request.responseText;
      let end = text.indexOf("\n", consumed);
      while (end !== -1) {
        const line = parseJson(text.slice(consumed, end)) as StreamLine<P> | null;
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
      const last = outcome as StreamLine<P> | null;
      if (last?.type === "result") resolve(last.data as T);
      else reject(requestError(last?.type === "error" ? last : null));
    };
    request.send(data);
  });
}
