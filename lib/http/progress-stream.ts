import { logger } from "@/lib/logger";

import { errorResponse } from "./respond";

// Progress events closer together than this are dropped, except the last of each phase, so a
// fast loop does not flood the connection.
const MIN_INTERVAL_MS = 100;

export interface ProgressEvent {
  phase: string;
  done: number;
  total: number;
}

/**
 * Runs `work` and streams its progress as newline-delimited JSON: `{"type":"progress",...}` lines,
 * then one `{"type":"result","data":...}` line. A failure ends the stream with `{"type":"error",
 * "status":...,"error":...}`, the body errorResponse would send, because the HTTP status has gone
 * out before the work ends.
 *
 * The work goes on when the client disconnects, so a started import is not cut off halfway.
 */
export function streamProgress<T>(
  work: (report: (event: ProgressEvent) => void) => Promise<T>,
  context: Record<string, unknown>,
): Response {
  const encoder = new TextEncoder();
  let lastSentMs = 0;
  let lastPhase = "";

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          // The client has gone, and the work still completes.
        }
      };
      const report = (event: ProgressEvent) => {
        const now = Date.now();
        const phaseEnds = event.done === event.total;
        if (event.phase === lastPhase && !phaseEnds && now - lastSentMs < MIN_INTERVAL_MS) return;

        lastSentMs = now;
        lastPhase = event.phase;
        send({ type: "progress", ...event });
      };

      try {
        send({ type: "result", data: await work(report) });
      } catch (error) {
        const response = await errorResponse(error, context);
        // errorResponse logs failures of the server itself, this logs those of the request.
        if (response.status < 500)
          logger.warn({ ...context, status: response.status, err: error }, "request failed");
        send({ type: "error", status: response.status, ...(await response.json()) });
      }
      try {
        controller.close();
      } catch {
        // Already closed by a disconnect.
      }
    },
  });

  return new Response(stream, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      // Under no-transform, proxies and compressing servers must not rewrite the body, so the
      // progress lines reach the browser as they are written.
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
