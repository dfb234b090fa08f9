import { describe, expect, it } from "vitest";

import { parseCsv } from "@/lib/imports/csv";
import { registryMappingSchema } from "@/lib/imports/registry-mapping";
import { mapRegistryRows } from "@/lib/imports/registry-rows";

const table = (text: string) => parseCsv(new TextEncoder().encode(text));

const IDENTIFIERS = registryMappingSchema.parse({
  columns: { code: "CODE", name: "NAME", vatNumber: "VAT", taxCode: "CF" },
});

const DEVICES = registryMappingSchema.parse({
  columns: { code: "CODE", name: "NAME" },
  devices: { TEAMVIEWER: "TV", ANYDESK: "AD" },
});

describe("registry identifiers", () => {
  it("stores VAT numbers and tax codes in normal form", () => {
    const mapped = mapRegistryRows(
      table("CODE;NAME;VAT;CF\nC1;Rossi;IT 123 4567 8903;rssmra85t10a562s\nC2;Bianchi;;\n"),
      IDENTIFIERS,
    );

    expect(mapped.rejected).toEqual([]);
    expect(mapped.rows[0].values).toEqual({
      code: "C1",
      name: "Rossi",
      vatNumber: "12345678903",
      taxCode: "RSSMRA85T10A562S",
    });
    expect(mapped.rows[1].values).toEqual({
      code: "C2",
      name: "Bianchi",
      vatNumber: null,
      taxCode: null,
    });
  });

  it("accepts a company tax code equal to a VAT number", () => {
    const mapped = mapRegistryRows(
      table("CODE;NAME;VAT;CF\nC1;Rossi;00860340157;00860340157\n"),
      IDENTIFIERS,
    );

    expect(mapped.rejected).toEqual([]);
    expect(mapped.rows[0].values.taxCode).toBe("00860340157");
  });

  it("rejects a VAT number with a wrong check digit", () => {
    const mapped = mapRegistryRows(table("CODE;NAME;VAT;CF\nC1;Rossi;12345678904;\n"), IDENTIFIERS);

    expect(mapped.rows).toEqual([]);
    expect(mapped.rejected).toEqual([
      {
        line: 2,
        code: "C1",
        name: "Rossi",
        reason: { kind: "invalidVatNumber", value: "12345678904" },
      },
    ]);
  });

  it("rejects a tax code with a wrong check letter", () => {
    const mapped = mapRegistryRows(
      table("CODE;NAME;VAT;CF\nC1;Rossi;;RSSMRA85T10A562T\n"),
      IDENTIFIERS,
    );

    expect(mapped.rejected[0].reason).toEqual({
      kind: "invalidTaxCode",
      value: "RSSMRA85T10A562T",
    });
  });

  it("rejects a company tax code with a wrong check digit", () => {
    const mapped = mapRegistryRows(table("CODE;NAME;VAT;CF\nC1;Rossi;;00860340158\n"), IDENTIFIERS);

    expect(mapped.rejected[0].reason).toEqual({ kind: "invalidTaxCode", value: "00860340158" });
  });

  it("leaves unmapped identifiers unchecked", () => {
    const mapping = registryMappingSchema.parse({ columns: { code: "CODE", name: "NAME" } });
    const mapped = mapRegistryRows(table("CODE;NAME;VAT\nC1;Rossi;bad\n"), mapping);

    expect(mapped.rejected).toEqual([]);
    expect(mapped.rows[0].values).toEqual({ code: "C1", name: "Rossi" });
  });
});

describe("registry devices", () => {
  it("reads device IDs in canonical form", () => {
    const mapped = mapRegistryRows(
      table('CODE;NAME;TV;AD\nC1;Rossi;"123 456 789, 987654321";reception@ad\nC2;Bianchi;;\n'),
      DEVICES,
    );

    expect(mapped.rejected).toEqual([]);
    expect(mapped.rows[0].devices).toEqual([
      { kind: "TEAMVIEWER", remoteId: "123456789" },
      { kind: "TEAMVIEWER", remoteId: "987654321" },
      { kind: "ANYDESK", remoteId: "reception@ad" },
    ]);
    expect(mapped.rows[1].devices).toEqual([]);
  });

  it("rejects an invalid TeamViewer ID", () => {
    const mapped = mapRegistryRows(table("CODE;NAME;TV;AD\nC1;Rossi;12AB;\n"), DEVICES);

    expect(mapped.rejected[0].reason).toEqual({
      kind: "invalidDeviceId",
      deviceKind: "TEAMVIEWER",
      value: "12AB",
    });
  });

  it("rejects a device listed on two rows", () => {
    const mapped = mapRegistryRows(
      table("CODE;NAME;TV;AD\nC1;Rossi;123456789;\nC2;Bianchi;123 456 789;\n"),
      DEVICES,
    );

    expect(mapped.rows.map((row) => row.values.code)).toEqual(["C1"]);
    expect(mapped.rejected[0]).toEqual({
      line: 3,
      code: "C2",
      name: "Bianchi",
      reason: { kind: "duplicateDevice", remoteId: "123456789", firstLine: 2 },
    });
  });
});

describe("unreadable cells", () => {
  it("rejects a row whose mapped cell could not be read", () => {
    const records = [
      { line: 2, cells: ["C1", "Rossi", ""], invalidCells: [1] },
      { line: 3, cells: ["C2", "Bianchi", ""], invalidCells: [2] },
    ];
    const mapping = registryMappingSchema.parse({ columns: { code: "CODE", name: "NAME" } });

    const mapped = mapRegistryRows({ headers: ["CODE", "NAME", "NOTE"], records }, mapping);

    expect(mapped.rejected).toEqual([
      { line: 2, code: "C1", name: "Rossi", reason: { kind: "unreadableCell", column: "NAME" } },
    ]);
    expect(mapped.rows.map((row) => row.values.code)).toEqual(["C2"]);
  });
});
