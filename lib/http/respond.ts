import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { ZodError } from "zod";

import { AppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: { field: string; message: string }[];
  };
}

/**
 * Turns any error into a JSON response with a stable code and a translated message. Unexpected
 * errors are logged and answered with a generic 500 that reveals nothing internal.
 */
export async function errorResponse(error: unknown, context: Record<string, unknown> = {}) {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") {
    logger.error({ err: error, ...context }, "request failed");
  }

  const t = await getTranslations("errors");
  // Validation messages are message keys; anything else falls back to a generic message.
  const translate = (
    key: string,
    values?: Record<string, string | number>,
    fallback = "internal",
  ) => (t.has(key) ? t(key, values) : t(fallback));
  const fields = appError.fields.map((issue) => ({
    field: issue.field,
    message: translate(issue.message, issue.values, "validation.invalidValue"),
  }));
  // A request with a single invalid field states that field's problem rather than a generic one.
  const message =
    appError.messageKey === INVALID_REQUEST && fields.length === 1
      ? fields[0].message
      : translate(appError.messageKey, appError.values);
  const body: ErrorBody = { error: { code: appError.code, message, fields } };

  return NextResponse.json(body, { status: appError.status });
}

const INVALID_REQUEST = "validation.invalidRequest";

function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZodError) {
    return new AppError("VALIDATION", INVALID_REQUEST, {
      fields: error.issues.map((issue) => ({
        field: issue.path.join("."),
        message:
          typeof issue.message === "string" && issue.message.includes(".")
            ? issue.message
            : "validation.invalidValue",
      })),
      cause: error,
    });
  }

  return new AppError("INTERNAL", "internal", { cause: error });
}

/** Wraps a route handler so every thrown error becomes an errorResponse. */
export function handleRoute<Args extends unknown[]>(
  name: string,
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error, { route: name });
    }
  };
}
