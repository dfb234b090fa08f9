// Reads the multipart body of the template editor: a `template` field with the settings as JSON,
// an optional `logo` file and, for the preview, the period and customer to show.
import { AppError } from "@/lib/errors";
import { type ReportTemplateInput, reportTemplateSchema } from "@/lib/validations/report-template";

import type { ReportKind } from "../types";
import {
  logoTooLarge,
  MAX_LOGO_BYTES,
  MAX_LOGO_REQUEST_BYTES,
  type PreparedLogo,
  prepareLogo,
} from "./logo";

export interface TemplateRequest {
  input: ReportTemplateInput;
  // The uploaded logo, checked and resized, when `input.logo` is "replace".
  logo: PreparedLogo | null;
  form: FormData;
}

/**
 * Parses and checks a template request. A body whose declared length is over the logo limit is
 * rejected before it is read, so a 50 MB upload costs no memory.
 */
export async function readTemplateRequest(
  request: Request,
  kind: ReportKind,
): Promise<TemplateRequest> {
  // NOTE: a chunked request declares no length, so it is read before the file size check.
  if (Number(request.headers.get("content-length")) > MAX_LOGO_REQUEST_BYTES) throw logoTooLarge();

  let form: FormData;
  try {
    form = await request.formData();
  } catch (error) {
    throw new AppError("VALIDATION", "reportTemplates.invalidRequest", { cause: error });
  }

  let json: unknown;
  try {
    json = JSON.parse(String(form.get("template") ?? ""));
  } catch (error) {
    throw new AppError("VALIDATION", "reportTemplates.invalidRequest", { cause: error });
  }
  const input = reportTemplateSchema(kind).parse(json);

  let logo: PreparedLogo | null = null;
  if (input.logo === "replace") {
    const file = form.get("logo");
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("VALIDATION", "reportTemplates.logoMissing");
    }
    if (file.size > MAX_LOGO_BYTES) throw logoTooLarge();
    logo = await prepareLogo(new Uint8Array(await file.arrayBuffer()));
  }

  return { input, logo, form };
}
