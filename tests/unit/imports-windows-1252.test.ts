import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

import { decodeCsvText } from "@/lib/imports/csv";

describe("decodeCsvText with Windows-1252", () => {
  it("keeps euro sign, curly quotes and dashes", () => {
    const bytes = iconv.encode("codice;nome\r\nC1;Caffè “Bianchi” – Ö€\r\n", "windows-1252");

    const { text, encoding } = decodeCsvText(bytes);

    expect(encoding).toBe("windows-1252");
    expect(text).toContain("Caffè “Bianchi” – Ö€");
  });
});
