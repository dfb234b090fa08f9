import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import ExcelJS from "exceljs";
import JSZip from "jszip";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";

import { addDays } from "@/lib/domain/periods";
import { AppError } from "@/lib/errors";
import { formatMinutes } from "@/lib/i18n/format";
import { assembleReport } from "@/lib/reports/assemble-report";
import { renderReport } from "@/lib/reports/render";
import { withDefaults } from "@/lib/reports/template";
import type { ReportData, StatementSection } from "@/lib/reports/types";
import { seedDemoData } from "@/prisma/seed/demo-data";

import { createCustomer, resetDatabase, testDb } from "./helpers";

const ANCHOR = "2026-12-04";
const MONTHS = Array.from({ length: 12 }, (_, index) => {
  const month = new Date(Date.UTC(2025, 11 + index, 1));
  const from = month.toISOString().slice(0, 10);
  const next = new Date(Date.UTC(2025, 12 + index, 1)).toISOString().slice(0, 10);

  return { from, to: addDays(next, -1) };
});
let customerCode = "";

async function ledgerSql(code: string, from: string, to: string) {
  const [row] = await testDb().$queryRaw<{ opening: bigint; credits: bigint; debits: bigint }[]>`
    SELECT
      COALESCE(SUM(e.minutes) FILTER (WHERE e."occurredAt" < (${from}::date)::timestamp AT TIME ZONE 'Europe/Rome'), 0)::bigint AS opening,
      COALESCE(SUM(e.minutes) FILTER (WHERE e.minutes > 0 AND e."occurredAt" >= (${from}::date)::timestamp AT TIME ZONE 'Europe/Rome'), 0)::bigint AS credits,
      COALESCE(SUM(-e.minutes) FILTER (WHERE e.minutes < 0 AND e."occurredAt" >= (${from}::date)::timestamp AT TIME ZONE 'Europe/Rome'), 0)::bigint AS debits
    FROM "LedgerEntry" e JOIN "Customer" c ON c.id = e."customerId"
    WHERE c.code = ${code}
      AND e."occurredAt" < ((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Rome')`;

  return { opening: Number(row.opening), credits: Number(row.credits), debits: Number(row.debits) };
}

function statement(data: ReportData): StatementSection {
  const section = data.sections[0];
  if (section.kind !== "STATEMENT") throw new Error("expected a statement");

  return section;
}

beforeAll(async () => {
  await resetDatabase();
  await seedDemoData(testDb(), { anchor: ANCHOR });
  const [busiest] = await testDb().$queryRaw<{ code: string }[]>`
    SELECT c.code FROM "Customer" c JOIN "LedgerEntry" e ON e."customerId" = c.id
    GROUP BY c.code ORDER BY count(*) DESC LIMIT 1`;
  customerCode = busiest.code;
}, 300_000);

describe("statement balances", () => {
  it("balances each month and carries the closing into the next", async () => {
    let previousClosing: number | null = null;

    for (const month of MONTHS) {
      const data = await assembleReport(testDb(), { kind: "STATEMENT", customerCode, ...month });
      const section = statement(data);
      const { opening, credits, debits, closing } = section.balances;
      const sql = await ledgerSql(customerCode, month.from, month.to);

      expect(opening + credits - debits).toBe(closing);
      expect({ opening, credits, debits }).toEqual(sql);
      expect(section.totals.credits).toBe(credits);
      expect(section.totals.debits).toBe(debits);
      expect(section.rows.at(-1)?.balance ?? opening).toBe(closing);
      if (previousClosing !== null) expect(opening).toBe(previousClosing);
      previousClosing = closing;
    }
  });

  it("ends at the customer's stored balance", async () => {
    const data = await assembleReport(testDb(), {
      kind: "STATEMENT",
      customerCode,
      from: "2025-12-05",
      to: "2026-12-04",
    });
    const customer = await testDb().customer.findUniqueOrThrow({ where: { code: customerCode } });

    expect(statement(data).balances.closing).toBe(customer.balanceMinutes);
  });

  it("puts an entry at 00:30 Rome time on the 1st into that month", async () => {
    const customer = await createCustomer();
    const entry = { customerId: customer.id, balanceAfter: 60, kind: "TOP_UP" as const };
    await testDb().ledgerEntry.create({
      data: { ...entry, minutes: 60, occurredAt: new Date("2026-10-31T23:30:00Z") },
    });

    const october = await assembleReport(testDb(), {
      kind: "STATEMENT",
      customerCode: customer.code,
      from: "2026-10-01",
      to: "2026-10-31",
    });
    const november = await assembleReport(testDb(), {
      kind: "STATEMENT",
      customerCode: customer.code,
      from: "2026-11-01",
      to: "2026-11-30",
    });

    expect(statement(october).balances.credits).toBe(0);
    expect(statement(november).balances).toEqual({
      opening: 0,
      credits: 60,
      debits: 0,
      closing: 60,
    });
  });

  it("rejects an unknown customer", async () => {
    const result = assembleReport(testDb(), {
      kind: "STATEMENT",
      customerCode: "NO-SUCH",
      from: "2026-11-01",
      to: "2026-11-30",
    });

    await expect(result).rejects.toBeInstanceOf(AppError);
    await expect(result).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("sums all customers to the whole ledger", async () => {
    const data = await assembleReport(testDb(), {
      kind: "STATEMENT",
      customerCode: null,
      from: "2026-11-01",
      to: "2026-11-30",
    });
    const credits = data.sections.reduce((sum, section) => sum + section.balances.credits, 0);
    const [row] = await testDb().$queryRaw<{ credits: bigint }[]>`
      SELECT COALESCE(SUM(minutes), 0)::bigint AS credits FROM "LedgerEntry"
      WHERE minutes > 0 AND "occurredAt" >= '2026-10-31T23:00:00Z' AND "occurredAt" < '2026-11-30T23:00:00Z'`;

    expect(data.sections.length).toBeGreaterThan(1);
    expect(credits).toBe(Number(row.credits));
  });
});

describe("statement exports", () => {
  const month = { from: "2026-11-01", to: "2026-11-30" };
  let data: ReportData;
  let section: StatementSection;

  beforeAll(async () => {
    const customer = await testDb().customer.findUniqueOrThrow({ where: { code: customerCode } });
    const admin = await testDb().user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const latest = await testDb().ledgerEntry.findFirstOrThrow({
      where: { customerId: customer.id },
      orderBy: { sequence: "desc" },
    });
    await testDb().ledgerEntry.create({
      data: {
        customerId: customer.id,
        kind: "ADJUSTMENT",
        minutes: -5,
        balanceAfter: latest.balanceAfter - 5,
        occurredAt: new Date("2026-11-15T10:00:00Z"),
        authorId: admin.id,
        comment: '=HYPERLINK("http://127.0.0.1/x","clic")',
      },
    });
    await testDb().customer.update({
      where: { id: customer.id },
      data: { balanceMinutes: { decrement: 5 } },
    });
    data = await assembleReport(testDb(), { kind: "STATEMENT", customerCode, ...month });
    section = statement(data);
  });

  it("keeps the balance identity and the SQL totals", async () => {
    const sql = await ledgerSql(customerCode, month.from, month.to);
    const { opening, credits, debits, closing } = section.balances;

    expect({ opening, credits, debits }).toEqual(sql);
    expect(opening + credits - debits).toBe(closing);
  });

  it("prints the same balances in the PDF", async () => {
    const bytes = await renderReport("pdf", data, withDefaults());
    const dir = mkdtempSync(path.join(os.tmpdir(), "report-pdf-"));
    const file = path.join(dir, "statement.pdf");
    writeFileSync(file, bytes);
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();

    expect(text).toContain("Estratto conto");
    expect(text).toContain(customerCode);
    expect(text).toMatch(
      new RegExp(`Saldo finale\\s*[\\s\\S]*${formatMinutes(section.balances.closing)}`),
    );
    expect(text).toContain(formatMinutes(section.balances.opening));
    expect(text).toContain(formatMinutes(section.balances.credits));
    expect(text).toContain("=HYPERLINK");
  });

  it("writes numbers, dates and a neutralised comment to the workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(await renderReport("xlsx", data, withDefaults())) as never,
    );
    const sheet = workbook.getWorksheet(customerCode);
    if (!sheet) throw new Error("sheet missing");
    const balances = sheet.getRow(4).values as unknown[];
    const values: unknown[][] = [];
    // Rows 1-5 are the header block and row 6 the column header.
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber > 6) values.push(row.values as unknown[]);
    });
    const dataRows = values.slice(0, -1);
    const totals = values.at(-1) ?? [];
    const credit = dataRows.reduce((sum, row) => sum + Number(row[5] ?? 0), 0);
    const debit = dataRows.reduce((sum, row) => sum + Number(row[6] ?? 0), 0);

    expect(balances.slice(1)).toEqual([
      "Saldo iniziale",
      section.balances.opening,
      "Accrediti",
      section.balances.credits,
      "Addebiti",
      section.balances.debits,
      "Saldo finale",
      section.balances.closing,
    ]);
    expect(dataRows).toHaveLength(section.rows.length);
    expect(credit).toBe(section.balances.credits);
    expect(debit).toBe(section.balances.debits);
    expect(totals[7]).toBe(section.balances.closing);
    expect(dataRows[0][1]).toBeInstanceOf(Date);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
    const comments = dataRows.map((row) => String(row[4] ?? ""));
    expect(comments).toContain(`'=HYPERLINK("http://127.0.0.1/x","clic")`);
    expect(dataRows.some((row) => row[6] === 5)).toBe(true);
  });

  it("writes the table and balances into the Word document", async () => {
    const zip = await JSZip.loadAsync(await renderReport("docx", data, withDefaults()));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const header = Object.keys(zip.files).filter((name) => name.startsWith("word/header"));

    expect(xml).toContain(`Saldo finale: ${formatMinutes(section.balances.closing)}`);
    expect(xml).toContain(`Saldo iniziale: ${formatMinutes(section.balances.opening)}`);
    expect(xml.match(/<w:tr[ >]/g)).toHaveLength(section.rows.length + 2);
    expect(Object.keys(zip.files).some((name) => name.startsWith("word/media/"))).toBe(true);
    expect(header.length).toBeGreaterThan(0);
  });

  it("parses back from CSV with totals and a neutralised comment", async () => {
    const bytes = await renderReport("csv", data, withDefaults());
    const text = new TextDecoder().decode(bytes);
    const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ";", skipEmptyLines: true });
    const rows = parsed.data;
    const table = rows.slice(1, 1 + section.rows.length);
    const credit = table.reduce((sum, row) => sum + Number(row[6] || 0), 0);
    const debit = table.reduce((sum, row) => sum + Number(row[7] || 0), 0);
    const summary = rows.at(-1) ?? [];

    expect(bytes.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(credit).toBe(section.balances.credits);
    expect(debit).toBe(section.balances.debits);
    expect(summary.slice(2).map(Number)).toEqual([
      section.balances.opening,
      section.balances.credits,
      section.balances.debits,
      section.balances.closing,
    ]);
    expect(table.map((row) => row[5])).toContain(`'=HYPERLINK("http://127.0.0.1/x","clic")`);
  });

  it("shows the same balances in the HTML", async () => {
    const html = new TextDecoder().decode(await renderReport("html", data, withDefaults()));

    expect(html).toContain(`data-balance="closing">${formatMinutes(section.balances.closing)}<`);
    expect(html).toContain(`data-balance="opening">${formatMinutes(section.balances.opening)}<`);
    expect(html).toContain(`data-balance="credits">${formatMinutes(section.balances.credits)}<`);
  });
});
