import { describe, expect, it } from "vitest";

import { parseCsv } from "@/lib/imports/csv";
import { MAX_CODE_LENGTH } from "@/lib/imports/limits";
import { compareRegistryRows, type StoredRegistryValues } from "@/lib/imports/registry-compare";
import { registryMappingSchema } from "@/lib/imports/registry-mapping";
import { mapRegistryRows } from "@/lib/imports/registry-rows";

const table = (text: string) => parseCsv(new TextEncoder().encode(text));

const MAPPING = registryMappingSchema.parse({
  columns: { code: "CODE", name: "NAME", city: "CITY", email: "EMAIL" },
});

describe("mapRegistryRows", () => {
  it("trims values and turns empty optional cells into null", () => {
    const mapped = mapRegistryRows(
      table("CODE;NAME;CITY;EMAIL;NOTES\n C1 ; Rossi Srl ;  ;info@rossi.example;x\n"),
      MAPPING,
    );

    expect(mapped.fields).toEqual(["code", "name", "city", "email"]);
    expect(mapped.rows).toEqual([
      {
        line: 2,
        values: { code: "C1", name: "Rossi Srl", city: null, email: "info@rossi.example" },
        devices: [],
      },
    ]);
  });

  it("rejects rows without code or name", () => {
    const mapped = mapRegistryRows(table("CODE;NAME;CITY;EMAIL\n;Rossi;;\nC2; ;;\n"), MAPPING);

    expect(mapped.rows).toEqual([]);
    expect(mapped.rejected).toEqual([
      { line: 2, code: null, name: "Rossi", reason: { kind: "missingCode" } },
      { line: 3, code: "C2", name: null, reason: { kind: "missingName" } },
    ]);
  });

  it("keeps the first row of a repeated code", () => {
    const mapped = mapRegistryRows(
      table("CODE;NAME;CITY;EMAIL\nC1;Rossi;;\nC2;Bianchi;;\nC1;Rossi bis;;\nC1 ;Rossi ter;;\n"),
      MAPPING,
    );

    expect(mapped.rows.map((row) => row.values.name)).toEqual(["Rossi", "Bianchi"]);
    expect(mapped.rejected).toEqual([
      { line: 4, code: "C1", name: "Rossi bis", reason: { kind: "duplicateCode", firstLine: 2 } },
      { line: 5, code: "C1", name: "Rossi ter", reason: { kind: "duplicateCode", firstLine: 2 } },
    ]);
  });

  it("counts duplicates only among rows the filter keeps", () => {
    const mapping = registryMappingSchema.parse({
      columns: { code: "CODE", name: "NAME" },
      filter: { column: "STATE", value: "A" },
    });
    const text = "CODE,NAME,STATE\nA001,ABANO,C\nA001,ABANO TERME, A \nA002,ABBADIA,C\n";

    const mapped = mapRegistryRows(table(text), mapping);

    expect(mapped.rowCount).toBe(3);
    expect(mapped.excludedCount).toBe(2);
    expect(mapped.rejected).toEqual([]);
    expect(mapped.rows).toEqual([
      { line: 3, values: { code: "A001", name: "ABANO TERME" }, devices: [] },
    ]);
    expect([...mapped.codesInFile].sort()).toEqual(["A001", "A002"]);
  });

  it("rejects rows with missing or extra cells", () => {
    const mapped = mapRegistryRows(
      table("CODE;NAME;CITY;EMAIL\nC1;Rossi;Torino\nC2;Bianchi;Roma;;extra\nC3;Verdi;Bra;;;\n"),
      MAPPING,
    );

    expect(mapped.rejected.map((row) => [row.line, row.reason])).toEqual([
      [2, { kind: "fieldCount", expected: 4, found: 3 }],
      [3, { kind: "fieldCount", expected: 4, found: 5 }],
    ]);
    expect(mapped.rows.map((row) => row.values.code)).toEqual(["C3"]);
  });

  it("rejects values over the length limit", () => {
    const longCode = "X".repeat(MAX_CODE_LENGTH + 1);
    const mapped = mapRegistryRows(table(`CODE;NAME;CITY;EMAIL\n${longCode};Rossi;;\n`), MAPPING);

    expect(mapped.rejected[0].reason).toEqual({
      kind: "tooLong",
      field: "code",
      max: MAX_CODE_LENGTH,
    });
  });

  it("rejects a mapping naming a missing column", () => {
    expect(() => mapRegistryRows(table("CODE;NAME\nC1;Rossi\n"), MAPPING)).toThrow(
      expect.objectContaining({ messageKey: "imports.unknownColumn", values: { column: "CITY" } }),
    );
  });
});

describe("compareRegistryRows", () => {
  const stored = (values: Partial<StoredRegistryValues>): StoredRegistryValues => ({
    code: "",
    name: "",
    vatNumber: null,
    taxCode: null,
    address: null,
    postalCode: null,
    city: null,
    province: null,
    email: "kept@example.test",
    phone: null,
    ...values,
  });

  it("sorts rows into new, updated and unchanged", () => {
    const mapping = registryMappingSchema.parse({ columns: { code: "C", name: "N", city: "T" } });
    const mapped = mapRegistryRows(
      table("C,N,T\nC1,Rossi,Torino\nC2,Bianchi,\nC3,Verdi,Bra\n"),
      mapping,
    );
    const existing = new Map([
      ["C1", stored({ code: "C1", name: "Rossi", city: "Torino" })],
      ["C2", stored({ code: "C2", name: "Bianchi", city: "Milano" })],
    ]);

    const comparison = compareRegistryRows(mapped.rows, existing, mapped.fields);

    expect(comparison.new.map((row) => row.values.code)).toEqual(["C3"]);
    expect(comparison.unchanged.map((row) => row.values.code)).toEqual(["C1"]);
    expect(comparison.updated).toHaveLength(1);
    expect(comparison.updated[0].changes).toEqual([
      { field: "city", before: "Milano", after: null },
    ]);
  });
});
