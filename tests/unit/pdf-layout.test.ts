import { describe, expect, it } from "vitest";

import { printable, TABLE_FONTS, textWidth, wrapText } from "@/lib/reports/render/pdf-fonts";
import { pageLayout, planPages } from "@/lib/reports/render/pdf-pages";

describe("PDF table text", () => {
  it("turns tabs and line breaks into spaces", () => {
    expect(printable("a\tb\nc")).toEqual({ text: "a b c", font: TABLE_FONTS.regular });
  });

  it("wraps long text within the width", () => {
    const text = "Assistenza remota su postazione di contabilità con stampante di rete";
    const lines = wrapText(text, 80, 8);

    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 8)).toBeLessThanOrEqual(80);
    expect(lines.join(" ")).toBe(text);
  });

  it("cuts a word wider than the column", () => {
    const lines = wrapText("X".repeat(60), 50, 8);

    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 8)).toBeLessThanOrEqual(50);
    expect(lines.join("")).toBe("X".repeat(60));
  });

  it("scales widths with the font size", () => {
    expect(textWidth("Saldo finale", 16)).toBeCloseTo(2 * textWidth("Saldo finale", 8), 6);
  });
});

describe("PDF page plan", () => {
  it("keeps room for the totals on every page", () => {
    const pages = planPages(Array(25).fill(10), { first: 100, other: 200, totals: 10 });

    expect(pages.map((page) => page.length)).toEqual([9, 16]);
    expect(pages.flat()).toEqual(Array.from({ length: 25 }, (_, index) => index));
  });

  it("gives an oversized row a page of its own", () => {
    const pages = planPages([10, 500, 10], { first: 100, other: 200, totals: 10 });

    expect(pages).toEqual([[0], [1], [2]]);
  });

  it("leaves more room on larger paper", () => {
    const options = { headerLines: ["Via Emilia 12, 40100 Bologna"], logo: true };
    const a4 = pageLayout("A4", options);
    const a3 = pageLayout("A3", options);

    expect(a3.otherCanvasHeight).toBeGreaterThan(a4.otherCanvasHeight);
    expect(a3.tableWidth).toBeGreaterThan(a4.tableWidth);
    expect(a4.firstCanvasHeight).toBeLessThan(a4.otherCanvasHeight);
  });
});
