// The wrapper shared by the /api/v1 route handlers: API key and scope, input parsing, the
// Idempotency-Key header, the Server-Timing header, and one log line per request.
import { NextResponse } from "next/server";
import type { z } from "zod";

import type { ApiScope } from "@/lib/auth/api-key-secret";
import { type ApiClient, requireApiKey } from "@/lib/auth/require-api-key";
import { getDb } from "@/lib/db/client";
import { type ApiResult, type IdempotentResult, runIdempotent } from "@/lib/db/idempotency-records";
import { isAppError } from "@/lib/errors";
import { errorResponse, handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";

import { negotiateApiLocale } from "./api-errors";
import { parseApiInput, readJsonBody, readQuery } from "./parse-input";
import { hashRequest, readIdempotencyKey } from "./idempotency";
import { ServerTiming } from "./server-timing";

interface ApiRouteOptions<Schema extends z.ZodType> {
  // Name in logs, for example "v1.sessions.start".
  name: string;
  scope: ApiScope;
  schema: Schema;
  // Writes read a JSON body and honour Idempotency-Key; reads take the query string.
  kind: "write" | "read";
  // `timing` records the steps worth a Server-Timing entry, such as "db" for the balance read.
  run: (input: z.output<Schema>, client: ApiClient, timing: ServerTiming) => Promise<ApiResult>;
}

/** Builds a route handler that authenticates, parses, runs and responds in JSON. */
export function apiRoute<Schema extends z.ZodType>(options: ApiRouteOptions<Schema>) {
  return handleRoute(options.name, async (request: Request) => {
    const started = Date.now();
    const timing = new ServerTiming();
    let client: ApiClient | null = null;

    try {
      client = await timing.measure("auth", () => requireApiKey(request, options.scope));
      const result = await handle(request, client, timing, options);
      logger.info(
        {
          route: options.name,
          apiKeyId: client.apiKeyId,
          status: result.status,
          replayed: result.replayed,
          ms: Date.now() - started,
        },
        "api request",
      );

      const response = NextResponse.json(result.body, {
        status: result.status,
        headers: {
          "Cache-Control": "no-store",
          ...(result.replayed ? { "Idempotent-Replayed": "true" } : {}),
        },
      });

      return timing.applyTo(response);
    } catch (error) {
      logger.info(
        {
          route: options.name,
          apiKeyId: client?.apiKeyId ?? null,
          status: isAppError(error) ? error.status : 500,
          reason: isAppError(error) ? error.messageKey : "internal",
          ms: Date.now() - started,
        },
        "api request failed",
      );

      const response = await errorResponse(
        error,
        { route: options.name },
        negotiateApiLocale(request),
      );

      return timing.applyTo(response);
    }
  });
}

async function handle<Schema extends z.ZodType>(
  request: Request,
  client: ApiClient,
  timing: ServerTiming,
  options: ApiRouteOptions<Schema>,
): Promise<IdempotentResult> {
  if (options.kind === "read") {
    const query = parseApiInput(options.schema, readQuery(request));
    const result = await options.run(query, client, timing);

    return { ...result, replayed: false };
  }

  const key = readIdempotencyKey(request);
  const body = await readJsonBody(request);
  const input = parseApiInput(options.schema, body);
  if (key === null) return { ...(await options.run(input, client, timing)), replayed: false };

  const requestHash = hashRequest(request.method, new URL(request.url).pathname, body);

  return runIdempotent(getDb(), { apiKeyId: client.apiKeyId, key, requestHash }, () =>
    options.run(input, client, timing),
  );
}
