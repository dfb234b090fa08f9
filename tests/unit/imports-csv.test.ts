import { deflateRawSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import { decodeCsvText, detectDelimiter, parseCsv, readRecords } from "@/lib/imports/csv";
import { inspectCsv } from "@/lib/imports/inspect";

const encode = (text: string) => new TextEncoder().encode(text);

// Smallest valid PNG signature and header chunk, enough to be recognised as an image.
const PNG_HEADER = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00,
]);

function zipWithOneFile(): Uint8Array {
  const body = deflateRawSync(Buffer.from("code,name\nC1,Rossi\n"));
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(body.length, 18);
  header.writeUInt16LE(9, 26);

  return Buffer.concat([header, Buffer.from("data.csv"), Buffer.from([0]), body]);
}

describe("decodeCsvText", () => {
  it("strips the UTF-8 byte order mark", () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...encode('"CODE","NAME"\n"A074","AGLIÈ"')]);

    const { text, encoding } = decodeCsvText(bytes);

    expect(encoding).toBe("utf-8");
    expect(text.startsWith('"CODE"')).toBe(true);
    expect(text).toContain("AGLIÈ");
  });

  it("reads Windows-1252 when the bytes are not UTF-8", () => {
    // "AGLIÈ" in Windows-1252: È is the single byte 0xC8.
    const bytes = Uint8Array.from([...encode("code;name\nA074;AGLI"), 0xc8, 0x0a]);

    const { text, encoding } = decodeCsvText(bytes);

    expect(encoding).toBe("windows-1252");
    expect(text).toContain("AGLIÈ");
  });

  it("reads UTF-16 with a byte order mark", () => {
    const body = Buffer.from("code\tname\nA074\tAGLIÈ\n", "utf16le");
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), body]);

    const { text, encoding } = decodeCsvText(bytes);

    expect(encoding).toBe("utf-16le");
    expect(text).toBe("code\tname\nA074\tAGLIÈ\n");
  });

  it.each([
    ["an empty file", new Uint8Array()],
    ["only a byte order mark", Uint8Array.from([0xef, 0xbb, 0xbf])],
    ["only blank lines", encode("\n \r\n\t\n")],
  ])("rejects %s as empty", (_, bytes) => {
    expect(() => decodeCsvText(bytes)).toThrow(
      expect.objectContaining({ code: "VALIDATION", messageKey: "imports.fileEmpty" }),
    );
  });

  it.each([
    ["a PNG image", PNG_HEADER],
    ["a zip archive", zipWithOneFile()],
    ["text with a NUL byte", encode("code,name\nC1,Ros\u0000si\n")],
    ["control characters", encode("\u0001\u0002\u0003\u0004 code,name\n")],
  ])("rejects %s as not CSV text", (_, bytes) => {
    expect(() => decodeCsvText(bytes)).toThrow(
      expect.objectContaining({ code: "UNSUPPORTED_FILE", messageKey: "imports.notCsv" }),
    );
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["code,name,city\n", ","],
    ["code;name;city\n", ";"],
    ["code\tname\tcity\n", "\t"],
    ['"Rossi, Bianchi & C.";"P.IVA"\n', ";"],
    ["\n\ncode;name\n", ";"],
    ["code\n", ","],
  ])("detects the delimiter of %j", (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe("readRecords", () => {
  it("numbers lines and skips blank ones", () => {
    const records = readRecords('code;note\r\nC1;"two\r\nlines"\r\n\r\n;;\r\nC2;x', ";");

    expect(records).toEqual([
      { line: 1, cells: ["code", "note"] },
      { line: 2, cells: ["C1", "two\r\nlines"] },
      { line: 6, cells: ["C2", "x"] },
    ]);
  });

  it("rejects an unterminated quote with its line", () => {
    expect(() => readRecords('code,name\nC1,Rossi\nC2,"Bianchi\nC3,Verdi\n', ",")).toThrow(
      expect.objectContaining({ messageKey: "imports.malformedQuotes", values: { line: 3 } }),
    );
  });
});

describe("parseCsv", () => {
  it("reads header and records", () => {
    const table = parseCsv(encode(" code ; name \nC1;Rossi\nC2;Bianchi\n"));

    expect(table.delimiter).toBe(";");
    expect(table.headers).toEqual(["code", "name"]);
    expect(table.records).toHaveLength(2);
    expect(table.records[1]).toEqual({ line: 3, cells: ["C2", "Bianchi"] });
  });

  it("drops blank trailing header columns", () => {
    const table = parseCsv(encode("code;name;\nC1;Rossi;\n"));

    expect(table.headers).toEqual(["code", "name"]);
  });

  it("rejects a header-only file", () => {
    expect(() => parseCsv(encode("code,name\n\n"))).toThrow(
      expect.objectContaining({ code: "VALIDATION", messageKey: "imports.noRows" }),
    );
  });

  it("rejects a blank column name", () => {
    expect(() => parseCsv(encode("code,,name\nC1,x,Rossi\n"))).toThrow(
      expect.objectContaining({ messageKey: "imports.blankColumn", values: { position: 2 } }),
    );
  });

  it("rejects a repeated column name", () => {
    expect(() => parseCsv(encode("code,name, code\nC1,Rossi,C1\n"))).toThrow(
      expect.objectContaining({
        messageKey: "imports.duplicateColumn",
        values: { column: "code" },
      }),
    );
  });
});

describe("inspectCsv", () => {
  it("returns columns, row count and first rows", async () => {
    const lines = ["code,name", ...Array.from({ length: 8 }, (_, i) => `C${i},Name ${i}`)];

    const inspection = await inspectCsv(encode(lines.join("\n")));

    expect(inspection.headers).toEqual(["code", "name"]);
    expect(inspection.rowCount).toBe(8);
    expect(inspection.sampleRows).toHaveLength(5);
    expect(inspection.sampleRows[0]).toEqual(["C0", "Name 0"]);
  });
});
