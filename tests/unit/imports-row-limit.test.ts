import { describe, expect, it } from "vitest";

import { readCsvTable } from "@/lib/imports/csv";
import { MAX_IMPORT_ROWS } from "@/lib/imports/limits";

describe("CSV row limit", () => {
  it("rejects a file over the row limit", () => {
    const text = `code;name\n${"C;N\n".repeat(MAX_IMPORT_ROWS + 1)}`;

    expect(() => readCsvTable(text, "utf-8")).toThrow(
      expect.objectContaining({ code: "PAYLOAD_TOO_LARGE", messageKey: "imports.tooManyRows" }),
    );
  });

  it("accepts a file at the row limit", () => {
    const text = `code;name\n${"C;N\n".repeat(MAX_IMPORT_ROWS)}`;

    expect(readCsvTable(text, "utf-8").records).toHaveLength(MAX_IMPORT_ROWS);
  });
});
