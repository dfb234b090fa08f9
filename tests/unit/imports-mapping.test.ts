import { describe, expect, it } from "vitest";

import {
  assertColumnsExist,
  mappedFields,
  registryMappingFieldSchema,
  registryMappingSchema,
} from "@/lib/imports/registry-mapping";

function issueMessages(input: unknown): string[] {
  const result = registryMappingSchema.safeParse(input);

  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("registryMappingSchema", () => {
  it("turns blank optional columns into null", () => {
    const mapping = registryMappingSchema.parse({
      columns: { code: " CODE ", name: "NAME", city: "", email: null },
    });

    expect(mapping.columns.code).toBe("CODE");
    expect(mapping.columns.city).toBeNull();
    expect(mapping.columns.email).toBeNull();
    expect(mapping.columns.phone).toBeNull();
    expect(mapping.filter).toBeNull();
    expect(mappedFields(mapping)).toEqual(["code", "name"]);
  });

  it("requires the code and name columns", () => {
    expect(issueMessages({ columns: { name: "NAME" } })).toEqual(["imports.codeColumnRequired"]);
    expect(issueMessages({ columns: { code: "CODE", name: "  " } })).toEqual([
      "imports.nameColumnRequired",
    ]);
  });

  it("requires both filter column and value", () => {
    expect(
      issueMessages({ columns: { code: "C", name: "N" }, filter: { column: "STATO", value: "" } }),
    ).toEqual(["imports.filterValueRequired"]);
    expect(
      issueMessages({ columns: { code: "C", name: "N" }, filter: { column: "", value: "A" } }),
    ).toEqual(["imports.filterColumnRequired"]);
  });

  it("rejects fields that are not customer fields", () => {
    const mapping = registryMappingSchema.parse({
      columns: { code: "C", name: "N", balanceMinutes: "SALDO" },
    });

    expect(mapping.columns).not.toHaveProperty("balanceMinutes");
  });
});

describe("registryMappingFieldSchema", () => {
  it("parses the JSON form field", () => {
    const mapping = registryMappingFieldSchema.parse(
      JSON.stringify({ columns: { code: "C", name: "N" }, filter: { column: "S", value: "A" } }),
    );

    expect(mapping.filter).toEqual({ column: "S", value: "A" });
  });

  it.each([
    ["invalid JSON", "{columns:"],
    ["a missing field", null],
  ])("reports %s as a missing mapping", (_, value) => {
    const result = registryMappingFieldSchema.safeParse(value);

    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("imports.mappingMissing");
  });
});

describe("assertColumnsExist", () => {
  it("names every unknown column", () => {
    const mapping = registryMappingSchema.parse({
      columns: { code: "CODE", name: "NOME", city: "CITTA" },
      filter: { column: "STATUS", value: "A" },
    });

    expect(() => assertColumnsExist(mapping, ["CODE", "NAME", "CITTA", "STATO"])).toThrow(
      expect.objectContaining({
        code: "VALIDATION",
        messageKey: "imports.unknownColumn",
        values: { column: "NOME" },
        fields: [
          { field: "columns.name", message: "imports.unknownColumn", values: { column: "NOME" } },
          {
            field: "filter.column",
            message: "imports.unknownColumn",
            values: { column: "STATUS" },
          },
        ],
      }),
    );
  });

  it("accepts columns of the header", () => {
    const mapping = registryMappingSchema.parse({ columns: { code: "CODE", name: "NAME" } });

    expect(() => assertColumnsExist(mapping, ["CODE", "NAME"])).not.toThrow();
  });
});
