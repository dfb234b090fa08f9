"use client";

import { useState } from "react";

import { type JsonResult, sendJson } from "./send-json";

export interface FormErrors {
  message?: string;
  fields: Record<string, string>;
}

const NO_ERRORS: FormErrors = { fields: {} };

/**
 * Sends a form's JSON request with sendJson and tracks what the form shows. `pending` is true
 * during the request, and `errors` contains the failure's messages until the next success.
 */
export function useJsonForm() {
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  async function send<T>(...request: Parameters<typeof sendJson>): Promise<JsonResult<T>> {
    setPending(true);
    const result = await sendJson<T>(...request);
    setPending(false);

    setErrors(result.ok ? NO_ERRORS : { message: result.message, fields: result.fields });

    return result;
  }

  return { pending, errors, send };
}
