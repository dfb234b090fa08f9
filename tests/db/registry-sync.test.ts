import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { beforeEach, describe, expect, it } from "vitest";

import {
  commitRegistryImport,
  findSavedRegistryMapping,
  previewRegistryImport,
  SAVED_MAPPING_SETTING,
  type RegistryImportProgress,
} from "@/lib/db/registry-import";
import { registryMappingSchema } from "@/lib/imports/registry-mapping";

import { createCustomer, createUser, resetDatabase, testDb } from "./helpers";

const utf8 = (text: string) => new TextEncoder().encode(text);

const ERP_MAPPING = registryMappingSchema.parse({
  columns: { code: "Codice", name: "Ragione sociale", vatNumber: "P.IVA", city: "Città" },
});

async function customerSnapshot() {
  return testDb().customer.findMany({ orderBy: { code: "asc" } });
}

describe("registry sync", () => {
  beforeEach(resetDatabase);

  it("imports a Windows-1252 ERP export with accents", async () => {
    const text =
      "Codice;Ragione sociale;P.IVA;Città\r\nC1;Caffè Società Srl;IT12345678903;Forlì\r\n";
    const bytes = iconv.encode(text, "windows-1252");

    const preview = await previewRegistryImport(testDb(), {
      fileName: "erp.csv",
      bytes,
      mapping: ERP_MAPPING,
    });
    await commitRegistryImport(testDb(), {
      fileName: "erp.csv",
      bytes,
      mapping: ERP_MAPPING,
      actorId: null,
    });

    expect(preview.encoding).toBe("windows-1252");
    expect(preview.delimiter).toBe(";");
    const stored = await testDb().customer.findUniqueOrThrow({ where: { code: "C1" } });
    expect(stored.name).toBe("Caffè Società Srl");
    expect(stored.city).toBe("Forlì");
    expect(stored.vatNumber).toBe("12345678903");
  });

  it("imports a UTF-16 LE export without BOM", async () => {
    const text = "Codice\tRagione sociale\tP.IVA\tCittà\nC1\tÖl & Co.\t\tMerano\n";
    const bytes = iconv.encode(text, "utf-16le");

    const preview = await previewRegistryImport(testDb(), {
      fileName: "erp.txt",
      bytes,
      mapping: ERP_MAPPING,
    });

    expect(preview.encoding).toBe("utf-16le");
    expect(preview.delimiter).toBe("\t");
    expect(preview.new[0].values.name).toBe("Öl & Co.");
  });

  it("refuses a file with a wrong VAT check digit unless rows are skipped", async () => {
    const bytes = utf8(
      "Codice;Ragione sociale;P.IVA;Città\nC1;Rossi;12345678904;Torino\nC2;Bianchi;00860340157;Milano\n",
    );
    const input = { fileName: "erp.csv", bytes, mapping: ERP_MAPPING, actorId: null };

    const preview = await previewRegistryImport(testDb(), input);
    await expect(commitRegistryImport(testDb(), input)).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "imports.rowsRejected",
      values: { count: 1 },
    });
    const afterRejection = await testDb().customer.count();
    const counts = await commitRegistryImport(testDb(), { ...input, skipRejected: true });

    expect(preview.rejected).toEqual([
      {
        line: 2,
        code: "C1",
        name: "Rossi",
        reason: { kind: "invalidVatNumber", value: "12345678904" },
      },
    ]);
    expect(afterRejection).toBe(0);
    expect(await testDb().auditEvent.count()).toBe(1);
    expect(counts.new).toBe(1);
    expect(counts.rejected).toBe(1);
    expect((await customerSnapshot()).map((customer) => customer.code)).toEqual(["C2"]);
  });

  it("rejects a duplicate code in the file", async () => {
    const bytes = utf8("Codice;Ragione sociale;P.IVA;Città\nC1;Rossi;;\nC1;Rossi bis;;\n");

    const preview = await previewRegistryImport(testDb(), {
      fileName: "erp.csv",
      bytes,
      mapping: ERP_MAPPING,
    });

    expect(preview.counts.rejected).toBe(1);
    expect(preview.rejected[0].reason).toEqual({ kind: "duplicateCode", firstLine: 2 });
  });

  it("marks customers missing from a full export inactive", async () => {
    await createCustomer({ code: "C1", name: "Rossi" });
    await createCustomer({ code: "OLD", name: "Gone Srl" });
    const inactive = await testDb().customer.create({
      data: { code: "OLD2", name: "Already inactive", active: false },
    });
    const bytes = utf8("Codice;Ragione sociale;P.IVA;Città\nC1;Rossi;;\nC2;Nuovo;;\n");
    const keepMapping = { ...ERP_MAPPING, deactivateMissing: false };
    const fullMapping = { ...ERP_MAPPING, deactivateMissing: true };

    const previewWithoutDeactivation = await previewRegistryImport(testDb(), {
      fileName: "a.csv",
      bytes,
      mapping: keepMapping,
    });
    const preview = await previewRegistryImport(testDb(), {
      fileName: "a.csv",
      bytes,
      mapping: fullMapping,
    });
    const counts = await commitRegistryImport(testDb(), {
      fileName: "a.csv",
      bytes,
      mapping: fullMapping,
      actorId: null,
    });

    expect(previewWithoutDeactivation.counts.missing).toBe(1);
    expect(previewWithoutDeactivation.counts.deactivated).toBe(0);
    expect(preview.counts.deactivated).toBe(1);
    expect(preview.missing).toEqual([{ code: "OLD", name: "Gone Srl" }]);
    expect(counts.deactivated).toBe(1);
    const old = await testDb().customer.findUniqueOrThrow({ where: { code: "OLD" } });
    expect(old.active).toBe(false);
    expect(await testDb().customer.findUniqueOrThrow({ where: { code: "OLD2" } })).toEqual(
      inactive,
    );
    expect(await testDb().customer.count()).toBe(4);
  });

  it("registers devices and rejects one owned by another customer", async () => {
    const other = await createCustomer({ code: "X9", name: "Other" });
    await testDb().device.create({
      data: { customerId: other.id, kind: "TEAMVIEWER", remoteId: "111222333" },
    });
    const mapping = registryMappingSchema.parse({
      columns: { code: "Codice", name: "Nome" },
      devices: { TEAMVIEWER: "TeamViewer", ANYDESK: "AnyDesk" },
    });
    const bytes = utf8(
      "Codice;Nome;TeamViewer;AnyDesk\nC1;Rossi;444 555 666;rossi-pc@ad\nC2;Bianchi;111 222 333;\n",
    );
    const input = { fileName: "d.csv", bytes, mapping, actorId: null, skipRejected: true };

    const preview = await previewRegistryImport(testDb(), input);
    const counts = await commitRegistryImport(testDb(), input);

    expect(preview.rejected).toEqual([
      {
        line: 3,
        code: "C2",
        name: "Bianchi",
        reason: { kind: "deviceConflict", remoteId: "111222333", customerCode: "X9" },
      },
    ]);
    expect(preview.counts.devices).toBe(2);
    expect(counts.devices).toBe(2);
    const rossi = await testDb().customer.findUniqueOrThrow({
      where: { code: "C1" },
      include: { devices: { orderBy: { kind: "asc" } } },
    });
    expect(rossi.devices.map((device) => [device.kind, device.remoteId])).toEqual([
      ["TEAMVIEWER", "444555666"],
      ["ANYDESK", "rossi-pc@ad"],
    ]);
    expect(await testDb().customer.findUnique({ where: { code: "C2" } })).toBeNull();

    // The same file again registers nothing twice.
    const again = await commitRegistryImport(testDb(), input);
    expect(again.devices).toBe(0);
    expect(await testDb().device.count()).toBe(3);
  });

  it("remembers the mapping for files with the same columns", async () => {
    const bytes = utf8("Codice;Ragione sociale;P.IVA;Città;Note\nC1;Rossi;;Torino;\n");
    const mapping = { ...ERP_MAPPING, deactivateMissing: true };

    expect(await findSavedRegistryMapping(testDb(), ["Codice"])).toBeNull();
    await commitRegistryImport(testDb(), { fileName: "a.csv", bytes, mapping, actorId: null });

    const same = await findSavedRegistryMapping(testDb(), [
      "Note",
      "Città",
      "Codice",
      "P.IVA",
      "Ragione sociale",
    ]);
    expect(same?.mapping).toEqual({ ...mapping, deactivateMissing: false });
    expect(same?.unmappedHeaders).toEqual([]);
    expect(await findSavedRegistryMapping(testDb(), ["Codice", "Ragione sociale"])).toBeNull();
  });

  it("names new columns the saved mapping leaves unmapped", async () => {
    const bytes = utf8("Codice;Ragione sociale;P.IVA;Città\nC1;Rossi;;Torino\n");
    await commitRegistryImport(testDb(), {
      fileName: "a.csv",
      bytes,
      mapping: ERP_MAPPING,
      actorId: null,
    });

    const saved = await findSavedRegistryMapping(testDb(), [
      "Codice",
      "Ragione sociale",
      "Email",
      "P.IVA",
      "Città",
      "Telefono",
    ]);
    expect(saved?.mapping.columns).toEqual(ERP_MAPPING.columns);
    expect(saved?.unmappedHeaders).toEqual(["Email", "Telefono"]);
  });

  it("never remembers deactivateMissing", async () => {
    const bytes = utf8("Codice;Ragione sociale;P.IVA;Città\nC1;Rossi;;Torino\n");
    const mapping = { ...ERP_MAPPING, deactivateMissing: true };
    await commitRegistryImport(testDb(), { fileName: "a.csv", bytes, mapping, actorId: null });

    const setting = await testDb().setting.findUniqueOrThrow({
      where: { key: SAVED_MAPPING_SETTING },
    });
    expect(setting.value).not.toHaveProperty("deactivateMissing");
    const headers = ["Codice", "Ragione sociale", "P.IVA", "Città"];
    const saved = await findSavedRegistryMapping(testDb(), headers);
    expect(saved?.mapping.deactivateMissing).toBe(false);
  });

  it("ignores deactivateMissing in an older saved value", async () => {
    const value = { ...ERP_MAPPING, deactivateMissing: true };
    await testDb().setting.create({ data: { key: SAVED_MAPPING_SETTING, value } });

    const headers = ["Codice", "Ragione sociale", "P.IVA", "Città"];
    const saved = await findSavedRegistryMapping(testDb(), headers);
    expect(saved?.mapping.deactivateMissing).toBe(false);
    expect(saved?.unmappedHeaders).toEqual([]);
  });

  it("imports an .xlsx export with merged headers and formulas", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Clienti");
    sheet.addRow(["Codice", "Ragione sociale", "Fiscale", ""]);
    sheet.addRow(["", "", "P.IVA", "Codice fiscale"]);
    sheet.mergeCells("A1:A2");
    sheet.mergeCells("B1:B2");
    sheet.mergeCells("C1:D1");
    sheet.addRow([
      "C1",
      { formula: 'CONCAT("Caffè ","Rossi")', result: "Caffè Rossi" },
      "00860340157",
      "rssmra85t10a562s",
    ]);
    sheet.addRow(["C2", { formula: 'CONCAT("Bian","chi")' }, "", ""]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const mapping = registryMappingSchema.parse({
      columns: {
        code: "Codice",
        name: "Ragione sociale",
        vatNumber: "Fiscale P.IVA",
        taxCode: "Fiscale Codice fiscale",
      },
    });
    const progress: RegistryImportProgress[] = [];

    const preview = await previewRegistryImport(testDb(), { fileName: "c.xlsx", bytes, mapping });
    const counts = await commitRegistryImport(testDb(), {
      fileName: "c.xlsx",
      bytes,
      mapping,
      actorId: (await createUser()).id,
      skipRejected: true,
      onProgress: (event) => progress.push(event),
    });

    expect(preview.format).toBe("xlsx");
    expect(preview.rejected).toEqual([
      {
        line: 4,
        code: "C2",
        name: null,
        reason: { kind: "unreadableCell", column: "Ragione sociale" },
      },
    ]);
    expect(counts.new).toBe(1);
    const stored = await testDb().customer.findUniqueOrThrow({ where: { code: "C1" } });
    expect(stored.name).toBe("Caffè Rossi");
    expect(stored.vatNumber).toBe("00860340157");
    expect(stored.taxCode).toBe("RSSMRA85T10A562S");
    expect(progress.map((event) => event.phase)).toContain("writing");
    expect(progress.at(-1)).toEqual({ phase: "devices", done: 1, total: 1 });
  });
});
