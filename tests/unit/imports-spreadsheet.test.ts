import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import { readImportTable } from "@/lib/imports/import-table";

async function workbookBytes(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet("Clienti"));

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("readImportTable with .xlsx", () => {
  it("reads a plain sheet", async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(["Codice", "Ragione sociale", "Partita IVA"]);
      sheet.addRow(["C1", "Città Srl", "12345678903"]);
      sheet.addRow([]);
      sheet.addRow(["C2", "Bianchi", 860340157]);
    });

    const table = await readImportTable(bytes);

    expect(table.format).toBe("xlsx");
    expect(table.encoding).toBeNull();
    expect(table.delimiter).toBeNull();
    expect(table.headers).toEqual(["Codice", "Ragione sociale", "Partita IVA"]);
    expect(table.records).toEqual([
      { line: 2, cells: ["C1", "Città Srl", "12345678903"] },
      { line: 4, cells: ["C2", "Bianchi", "860340157"] },
    ]);
  });

  it("joins group headers merged across columns with the row below", async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(["Codice", "Nome", "Indirizzo", ""]);
      sheet.addRow(["", "", "Via", "CAP"]);
      sheet.mergeCells("A1:A2");
      sheet.mergeCells("B1:B2");
      sheet.mergeCells("C1:D1");
      sheet.addRow(["C1", "Rossi", "Via Roma 1", "10100"]);
    });

    const table = await readImportTable(bytes);

    expect(table.headers).toEqual(["Codice", "Nome", "Indirizzo Via", "Indirizzo CAP"]);
    expect(table.records).toEqual([{ line: 3, cells: ["C1", "Rossi", "Via Roma 1", "10100"] }]);
  });

  it("skips a title row merged across every column", async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(["Anagrafica clienti al 04/12/2026"]);
      sheet.mergeCells("A1:C1");
      sheet.addRow(["Codice", "Nome", "Città"]);
      sheet.addRow(["C1", "Rossi", "Torino"]);
    });

    const table = await readImportTable(bytes);

    expect(table.headers).toEqual(["Codice", "Nome", "Città"]);
    expect(table.records).toHaveLength(1);
  });

  it("uses the cached result of formulas and marks formulas without one", async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(["Codice", "Nome"]);
      sheet.addRow(["C1", { formula: 'CONCAT("Ros","si")', result: "Rossi" }]);
      sheet.addRow(["C2", { formula: 'CONCAT("Bian","chi")' }]);
      sheet.addRow(["C3", { error: "#REF!" }]);
    });

    const table = await readImportTable(bytes);

    expect(table.records).toEqual([
      { line: 2, cells: ["C1", "Rossi"] },
      { line: 3, cells: ["C2", ""], invalidCells: [1] },
      { line: 4, cells: ["C3", ""], invalidCells: [1] },
    ]);
  });

  it("rejects a zip archive that is not a workbook", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0]);

    await expect(readImportTable(bytes)).rejects.toMatchObject({
      code: "UNSUPPORTED_FILE",
      messageKey: "imports.notSpreadsheet",
    });
  });

  it("rejects a sheet with a header and no rows", async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(["Codice", "Nome"]);
    });

    const error = await readImportTable(bytes).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).messageKey).toBe("imports.noRows");
  });
});

describe("readImportTable with CSV options", () => {
  const windows1252 = new Uint8Array([
    ...new TextEncoder().encode("code;name\nC1;Citt"),
    0xe0,
    ...new TextEncoder().encode("\n"),
  ]);

  it("detects Windows-1252 and the semicolon", async () => {
    const table = await readImportTable(windows1252);

    expect(table.encoding).toBe("windows-1252");
    expect(table.delimiter).toBe(";");
    expect(table.records[0].cells).toEqual(["C1", "Città"]);
  });

  it("re-reads with the chosen delimiter", async () => {
    const table = await readImportTable(windows1252, { delimiter: "," });

    expect(table.delimiter).toBe(",");
    expect(table.headers).toEqual(["code;name"]);
  });

  it("re-reads with the chosen encoding", async () => {
    const utf8 = new TextEncoder().encode("code;name\nC1;Città\n");

    const table = await readImportTable(utf8, { encoding: "windows-1252" });

    expect(table.encoding).toBe("windows-1252");
    expect(table.records[0].cells[1]).toBe("CittÃ\u00a0");
  });

  it("reads UTF-16 big-endian with a byte order mark", async () => {
    const text = "code\tname\nC1\tCittà\n";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xfe, 0xff]);
    for (let index = 0; index < text.length; index += 1) {
      bytes[2 + index * 2] = text.charCodeAt(index) >> 8;
      bytes[3 + index * 2] = text.charCodeAt(index) & 0xff;
    }

    const table = await readImportTable(bytes);

    expect(table.encoding).toBe("utf-16be");
    expect(table.delimiter).toBe("\t");
    expect(table.records[0].cells).toEqual(["C1", "Città"]);
  });

  it("rejects UTF-16 chosen for a UTF-8 file", async () => {
    // Byte pairs of ASCII text decode to CJK characters without line breaks: one header, no rows.
    const utf8 = new TextEncoder().encode("code;name\nC1;Rossi\n");

    await expect(readImportTable(utf8, { encoding: "utf-16le" })).rejects.toMatchObject({
      messageKey: "imports.noRows",
    });
  });
});
