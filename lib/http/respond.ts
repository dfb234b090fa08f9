import { NextResponse } from "next/server";
import { createTranslator } from "next-intl";
import { getTranslations } from "next-intl/server";
import { ZodError } from "zod";

import { AppError, isAppError } from "@/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import { logger } from "@/lib/logger";

export interface ErrorBody {
  error: {
    code: string;
    // Message key of the specific error, for example "session.unknownCode": stable for clients.
    reason: string;
    message: string;
    fields?: { field: string; message: string }[];
  };
}

type Values = Record<string, string | number>;

interface ErrorTranslator {
  (key: string, values?: Values): string;
  has(key: string): boolean;
}

/**
 * Returns the translator of the `errors` messages for `locale`, else for the request's locale.
 * Outside a Next.js request (a script or a test calling a route handler) next-intl has no request config and throws,
 * so the default locale's messages are used.
 */
async function errorTranslator(locale?: Locale): Promise<ErrorTranslator> {
  try {
    if (locale) return await fixedLocaleTranslator(locale);

    return await getTranslations("errors");
  } catch {
    return fixedLocaleTranslator(DEFAULT_LOCALE);
  }
}

async function fixedLocaleTranslator(locale: Locale): Promise<ErrorTranslator> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "errors" });

  // The messages are loaded untyped, so next-intl types no key; `has` checks them at run time.
  return Object.assign((key: string, values?: Values) => t(key as never, values as never), {
    has: (key: string) => t.has(key as never),
  });
}

/**
 * Turns any error into a JSON response with a stable code and a translated message. Unexpected
 * errors are logged and get a generic 500 response that reveals nothing internal.
 */
export async function errorResponse(
  error: unknown,
  context: Record<string, unknown> = {},
  // The language of the message. Without one, the signed-in user's or the default language.
  locale?: Locale,
) {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") {
    logger.error({ err: error, ...context }, "request failed");
  }

  const t = await errorTranslator(locale);
  // Unknown keys fall back to a generic message, so no untranslated text reaches the user.
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
  const body: ErrorBody = {
    error: { code: appError.code, reason: appError.messageKey, message, fields },
  };

  return NextResponse.json(body, { status: appError.status });
}

const INVALID_REQUEST = "validation.invalidRequest";

function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZodError) {
    return new AppError("VALIDATION", INVALID_REQUEST, {
      fields: error.issues.map((issue) => ({
        field: issue.path.join("."),
        // Our schemas use message keys; zod's own English messages fall back when translated.
        message: issue.message,
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
