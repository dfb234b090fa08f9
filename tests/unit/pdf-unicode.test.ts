import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { buildSections, type SourceEntry } from "@/lib/reports/build-sections";
import { renderReport } from "@/lib/reports/render";
import {
  GEIST_FILES,
  NOTO_SANS_FILES,
  printable,
  TABLE_FONTS,
  textWidth,
  wrapText,
} from "@/lib/reports/render/pdf-fonts";
import { withDefaults } from "@/lib/reports/template";
import type { ReportData } from "@/lib/reports/types";

const NAMES = [
  "SAVOGNA D'ISONZO-SOVODNJE OB SOČI",
  "Łódź Sp. z o.o.",
  "Ελληνικά",
  "Rossi Informatica S.r.l.",
];

describe("PDF table font choice", () => {
  it("keeps Helvetica for Windows-1252 text", () => {
    expect(printable("Città – perché € 10 “ok”")).toEqual({
      text: "Città – perché € 10 “ok”",
      font: TABLE_FONTS.regular,
    });
    expect(printable("Totale", "bold").font).toBe(TABLE_FONTS.bold);
  });

  it("composes combining accents before choosing", () => {
    expect(printable("Citta\u0300")).toEqual({ text: "Città", font: TABLE_FONTS.regular });
  });

  it("uses Geist for Latin Extended-A", () => {
    expect(printable("SOVODNJE OB SOČI")).toEqual({
      text: "SOVODNJE OB SOČI",
      font: GEIST_FILES.regular,
    });
    expect(printable("Łódź", "bold").font).toBe(GEIST_FILES.bold);
  });

  it("uses Noto Sans for Greek", () => {
    expect(printable("Ελληνικά")).toEqual({ text: "Ελληνικά", font: NOTO_SANS_FILES.regular });
  });

  it("degrades characters no font has", () => {
    // U+0F00 is a Tibetan syllable: neither Geist nor Noto Sans has it.
    expect(printable("Ελλάδα \u0f00\tok")).toEqual({
      text: "Ελλάδα ? ok",
      font: NOTO_SANS_FILES.regular,
    });
  });

  it("wraps embedded-font text within the width", () => {
    const cell = printable("Ελληνικά γράμματα σε μια στενή στήλη του πίνακα");
    const lines = wrapText(cell.text, 60, 8, cell.font);

    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 8, cell.font)).toBeLessThanOrEqual(60);
    expect(lines.join(" ")).toBe(cell.text);
  });

  it("measures with the chosen font", () => {
    const text = "Łódź Łódź Łódź";

    expect(textWidth(text, 8, GEIST_FILES.regular)).not.toBeCloseTo(
      textWidth(text, 8, TABLE_FONTS.regular),
      1,
    );
  });
});

function statementOf(names: string[]): ReportData {
  const period = { from: "2026-11-01", to: "2026-11-30" };
  const customers = names.map((name, index) => ({
    id: `customer-${index}`,
    code: `C0${index}`,
    name,
    vatNumber: null,
    address: null,
    city: null,
  }));
  const entries: SourceEntry[] = customers.map((customer) => ({
    customerId: customer.id,
    kind: "TOP_UP",
    minutes: 60,
    occurredAt: new Date("2026-11-10T10:00:00Z"),
    comment: `Ricarica per ${customer.name}`,
    contract: null,
    author: { name: "Anna Amministratrice" },
    session: null,
  }));
  const sections = buildSections({
    kind: "STATEMENT",
    period,
    granularity: "month",
    customers,
    totals: customers.map((customer) => ({
      customerId: customer.id,
      opening: 0,
      credits: 60,
      debits: 0,
    })),
    entries,
    sessions: [],
    includeIdle: true,
  });

  return {
    kind: "STATEMENT",
    period: { ...period, granularity: "month" },
    customerCode: null,
    generatedAt: new Date("2026-12-01T09:00:00Z"),
    sections,
  };
}

describe("PDF statement with names outside Windows-1252", () => {
  it("prints every name intact", async () => {
    const branding = {
      ...withDefaults(),
      companyName: "Računalništvo Kovač d.o.o.",
      footer: "Ljubljana · Ελληνικά",
    };
    const bytes = await renderReport("pdf", statementOf(NAMES), branding);
    const dir = mkdtempSync(path.join(os.tmpdir(), "pdf-unicode-"));
    const file = path.join(dir, "statement.pdf");
    writeFileSync(file, bytes);
    // Reading order without layout keeps a wrapped cell's lines together, and collapsing the
    // whitespace joins them.
    const text = execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, " ");

    for (const name of NAMES) {
      // The title is react-pdf text and the comment is a cell painted on the canvas.
      expect(text).toContain(`Estratto conto — ${name}`);
      expect(text).toContain(`Ricarica per ${name}`);
    }
    expect(text).toContain("Računalništvo Kovač d.o.o.");
    expect(text).toContain("Ljubljana · Ελληνικά");
    expect(text).not.toContain("SOCI");
  });
});
