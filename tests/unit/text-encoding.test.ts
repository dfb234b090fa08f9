import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

import { decodeText } from "@/lib/imports/text-encoding";

const text = "605138497\tSocietà Rossi\tPerché € 5\r\n";

describe("decodeText", () => {
  it("decodes UTF-8 without BOM", () => {
    expect(decodeText(Buffer.from(text, "utf8"))).toEqual({ encoding: "utf-8", bom: false, text });
  });

  it("reports plain ASCII as UTF-8", () => {
    expect(decodeText(Buffer.from("abc\r\n", "ascii"))?.encoding).toBe("utf-8");
  });

  it("decodes a one-byte file as UTF-8", () => {
    expect(decodeText(Buffer.from("a"))).toEqual({ encoding: "utf-8", bom: false, text: "a" });
  });

  it("strips a UTF-8 BOM", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);

    expect(decodeText(bytes)).toEqual({ encoding: "utf-8", bom: true, text });
  });

  it("decodes UTF-16 LE and BE with BOM", () => {
    const little = iconv.encode(text, "utf-16le", { addBOM: true });
    const big = iconv.encode(text, "utf-16be", { addBOM: true });

    expect(decodeText(little)).toEqual({ encoding: "utf-16le", bom: true, text });
    expect(decodeText(big)).toEqual({ encoding: "utf-16be", bom: true, text });
  });

  it("recognises UTF-16 without BOM by its NUL bytes", () => {
    const little = iconv.encode(text, "utf-16le");
    const big = iconv.encode(text, "utf-16be");

    expect(decodeText(little)).toEqual({ encoding: "utf-16le", bom: false, text });
    expect(decodeText(big)).toEqual({ encoding: "utf-16be", bom: false, text });
  });

  it("falls back to Windows-1252 for invalid UTF-8", () => {
    const bytes = iconv.encode(text, "windows-1252");

    // à is 0xE0 and € is 0x80 in Windows-1252, neither valid UTF-8 here.
    expect(bytes.includes(0xe0)).toBe(true);
    expect(bytes.includes(0x80)).toBe(true);
    expect(decodeText(bytes)).toEqual({ encoding: "windows-1252", bom: false, text });
  });

  it("rejects binary data with NUL bytes", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

    expect(decodeText(png)).toBeNull();
  });

  it("rejects bytes full of control characters", () => {
    const bytes = Buffer.from(Array.from({ length: 200 }, (_, index) => 1 + (index % 8)));

    expect(decodeText(bytes)).toBeNull();
  });

  it("tolerates one stray control character", () => {
    const bytes = Buffer.from(`${"a".repeat(150)}\u0007${"b".repeat(49)}`, "utf8");

    expect(decodeText(bytes)?.encoding).toBe("utf-8");
  });
});
