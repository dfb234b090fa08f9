// Encoding detection for uploaded text files. Logs and registry exports written on Windows arrive
// as UTF-8 (with or without BOM), UTF-16 (Notepad's "Unicode") or the ANSI code page Windows-1252.
import { isUtf8 } from "node:buffer";

import iconv from "iconv-lite";

export const TEXT_ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1252"] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export interface DecodedText {
  encoding: TextEncoding;
  // True when the file starts with a byte order mark, which `text` no longer contains.
  bom: boolean;
  text: string;
}

// Number of leading bytes inspected to recognise UTF-16 without a BOM, enough for a few lines.
const SNIFF_BYTES = 4096;

/**
 * Detects the encoding of `bytes` and decodes them, or returns null when they are not text.
 *
 * A byte order mark decides first. Without one, NUL bytes in every other position mean UTF-16,
 * because UTF-16 stores each ASCII character with a zero byte. Otherwise valid UTF-8 (plain ASCII
 * included) is UTF-8. Anything else is decoded as Windows-1252, the ANSI code page of Western
 * European Windows, which accepts any byte sequence.
 */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  const decoded = decodeByDetection(bytes);

  return looksLikeText(decoded.text) ? decoded : null;
}

/**
 * Decodes `bytes` in the encoding the user chose, dropping a byte order mark, or returns null when
 * the result is not text (for example UTF-16 chosen for a UTF-8 file gives NUL characters).
 */
export function decodeAs(bytes: Uint8Array, encoding: TextEncoding): DecodedText | null {
  const bom =
    (encoding === "utf-8" && startsWith(bytes, [0xef, 0xbb, 0xbf])) ||
    (encoding === "utf-16le" && startsWith(bytes, [0xff, 0xfe])) ||
    (encoding === "utf-16be" && startsWith(bytes, [0xfe, 0xff]));
  const text = iconv.decode(Buffer.from(bytes), encoding, { stripBOM: true });
  const decoded = { encoding, bom, text };

  return looksLikeText(text) ? decoded : null;
}

function decodeByDetection(bytes: Uint8Array): DecodedText {
  // iconv-lite is used rather than TextDecoder because Node builds without full ICU do not
  // decode UTF-16BE or Windows-1252. Its UTF-8 and UTF-16 decoders strip a leading BOM.
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { encoding: "utf-8", bom: true, text: iconv.decode(bytes, "utf-8") };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { encoding: "utf-16le", bom: true, text: iconv.decode(bytes, "utf-16le") };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { encoding: "utf-16be", bom: true, text: iconv.decode(bytes, "utf-16be") };
  }

  const utf16 = detectUtf16ByNulBytes(bytes);
  if (utf16 !== null) {
    return { encoding: utf16, bom: false, text: iconv.decode(bytes, utf16) };
  }

  // buffer.isUtf8 validates in every Node build, while TextDecoder's fatal mode needs ICU.
  if (isUtf8(bytes)) {
    return { encoding: "utf-8", bom: false, text: iconv.decode(bytes, "utf-8") };
  }

  return { encoding: "windows-1252", bom: false, text: iconv.decode(bytes, "windows-1252") };
}

// In UTF-16 every ASCII character has a NUL high byte: the second byte of each pair in
// little-endian order, the first in big-endian. UTF-8 and Windows-1252 text contains no NUL byte.
function detectUtf16ByNulBytes(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  const pairs = length / 2;
  if (pairs === 0) return null;

  let nulInFirstByte = 0;
  let nulInSecondByte = 0;

  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) nulInFirstByte += 1;
    if (bytes[i + 1] === 0) nulInSecondByte += 1;
  }

  // Half the pairs is a margin for accented and other non-ASCII characters, which have no NUL.
  // The other position must have (almost) none, or the bytes are binary data.
  const enough = pairs / 2;
  if (nulInSecondByte >= enough && nulInFirstByte <= pairs / 100) return "utf-16le";
  if (nulInFirstByte >= enough && nulInSecondByte <= pairs / 100) return "utf-16be";

  return null;
}

/**
 * Returns whether decoded content is text. A NUL character means binary data, since text files
 * do not contain one. Other control characters (except tab, line feed, form feed and carriage
 * return) are tolerated up to 1 in 100 characters, so one stray byte does not reject a log.
 */
function looksLikeText(text: string): boolean {
  if (text.includes("\u0000")) return false;

  let controls = 0;
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) {
      controls += 1;
    }
  }

  return controls * 100 <= text.length;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
