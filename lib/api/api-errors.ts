// Errors of /api/v1 outside its endpoints, and the language of every /api/v1 error message.
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/respond";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/config";

import { ServerTiming } from "./server-timing";

/**
 * Returns the first language of the Accept-Language header, by quality, that the messages exist
 * in, comparing primary tags ("en-GB" is "en"). Without one it returns the default language.
 */
export function negotiateApiLocale(request: Request): Locale {
  const header = request.headers.get("Accept-Language") ?? "";
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const quality = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
      const q = quality ? Number(quality.slice(2)) : 1;

      return { language: tag.split("-")[0].toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((range) => range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);

  return ranges.map((range) => range.language).find(isLocale) ?? DEFAULT_LOCALE;
}

/** Returns a JSON 404 for any request to a path under /api/v1 that has no endpoint. */
export async function apiPathNotFound(request: Request): Promise<Response> {
  const timing = new ServerTiming();
  const error = new AppError("NOT_FOUND", "api.pathNotFound", {
    values: { path: new URL(request.url).pathname },
  });
  const response = await errorResponse(error, { route: "v1.unknown" }, negotiateApiLocale(request));

  return timing.applyTo(response);
}

/** Builds a handler that returns a JSON 405 for a method an endpoint does not support. */
export function methodNotAllowed(allowed: string[]) {
  return async (request: Request): Promise<Response> => {
    const timing = new ServerTiming();
    const error = new AppError("METHOD_NOT_ALLOWED", "api.methodNotAllowed", {
      values: { method: request.method, allowed: allowed.join(", ") },
    });
    const response = await errorResponse(error, { route: "v1" }, negotiateApiLocale(request));
    response.headers.set("Allow", allowed.join(", "));

    return timing.applyTo(response);
  };
}
