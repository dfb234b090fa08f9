// Validates an uploaded logo by its content and turns it into the small raster image that every
// renderer embeds. SVG files are checked for active or external content and then rasterised, so no
// SVG markup from an upload ever reaches a document or a browser.
import sharp from "sharp";

import { AppError } from "@/lib/errors";

import type { LogoMime } from "../template";

export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
// Multipart framing and the template fields add a few kilobytes to the logo in the request body.
export const MAX_LOGO_REQUEST_BYTES = MAX_LOGO_BYTES + 64 * 1024;

// Stored height in pixels: the PDF prints logos 28 pt high, so this is about 500 dpi there.
const LOGO_HEIGHT = 200;
const LOGO_MAX_WIDTH = 800;
// Rejects decompression bombs: a small file that decodes to a huge bitmap.
const MAX_INPUT_PIXELS = 40_000_000;

export interface PreparedLogo {
  data: Uint8Array;
  mime: LogoMime;
}

export function logoTooLarge(): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", "reportTemplates.logoTooLarge", {
    values: { maxMegabytes: MAX_LOGO_BYTES / (1024 * 1024) },
  });
}

type Kind = "png" | "jpeg" | "svg";

function detectKind(bytes: Uint8Array): Kind | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((byte, index) => bytes[index] === byte)) return "png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";

  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 4096));
  // An SVG starts with an optional XML declaration, comments and doctype (which may declare
  // entities in brackets), then the svg element.
  const svgStart =
    /^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype[^[>]*(\[[\s\S]*?\])?\s*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>/]/i;
  if (svgStart.test(head)) return "svg";

  return null;
}

// Each pattern names the message key of the reason an SVG is rejected.
const SVG_RULES: [RegExp, string][] = [
  [/<script[\s>/]/i, "reportTemplates.logoSvgScript"],
  [/\son[a-z]+\s*=/i, "reportTemplates.logoSvgScript"],
  [/javascript:/i, "reportTemplates.logoSvgScript"],
  [/<foreignObject[\s>/]/i, "reportTemplates.logoSvgForeignObject"],
  [/<!entity/i, "reportTemplates.logoSvgEntity"],
  // Only references inside the file (href="#id") are allowed: no web addresses, files or data.
  [/\s(xlink:)?href\s*=\s*["'](?!#)/i, "reportTemplates.logoSvgExternal"],
  [/url\(\s*["']?(?!#)/i, "reportTemplates.logoSvgExternal"],
  [/@import/i, "reportTemplates.logoSvgExternal"],
];

function checkSvg(bytes: Uint8Array) {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  for (const [pattern, messageKey] of SVG_RULES) {
    if (pattern.test(text)) throw new AppError("VALIDATION", messageKey);
  }
}

/**
 * Checks an uploaded logo and returns it resized to LOGO_HEIGHT pixels (never enlarged). PNG and
 * JPEG keep their format; SVG becomes PNG. Throws PAYLOAD_TOO_LARGE over MAX_LOGO_BYTES,
 * UNSUPPORTED_FILE for anything that is not a PNG, JPEG or SVG image, and VALIDATION for an SVG
 * with scripts, event handlers, foreignObject, entities or external references.
 */
export async function prepareLogo(bytes: Uint8Array): Promise<PreparedLogo> {
  if (bytes.length > MAX_LOGO_BYTES) throw logoTooLarge();
  const kind = detectKind(bytes);
  if (!kind) throw new AppError("UNSUPPORTED_FILE", "reportTemplates.logoNotImage");
  if (kind === "svg") checkSvg(bytes);

  try {
    const image = sharp(Buffer.from(bytes), {
      limitInputPixels: MAX_INPUT_PIXELS,
      density: kind === "svg" ? 300 : undefined,
    });
    const metadata = await image.metadata();
    if (metadata.format !== kind) {
      throw new AppError("UNSUPPORTED_FILE", "reportTemplates.logoNotImage");
    }
    const resized = image.resize({
      height: LOGO_HEIGHT,
      width: LOGO_MAX_WIDTH,
      fit: "inside",
      withoutEnlargement: kind !== "svg",
    });
    const data =
      kind === "jpeg"
        ? await resized.jpeg({ quality: 90 }).toBuffer()
        : await resized.png().toBuffer();

    return { data: new Uint8Array(data), mime: kind === "jpeg" ? "image/jpeg" : "image/png" };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("UNSUPPORTED_FILE", "reportTemplates.logoNotImage", { cause: error });
  }
}
