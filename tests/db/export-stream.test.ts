import { execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import ExcelJS from "exceljs";
import JSZip from "jszip";
import Papa from "papaparse";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";

import { createPrismaClient, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatMinutes } from "@/lib/i18n/format";
import { createCsvWriter } from "@/lib/reports/stream/csv-writer";
import { statementFileName, writeStatementsZip } from "@/lib/reports/stream/statements-zip";
import { streamReport, type StreamReportRequest } from "@/lib/reports/stream/stream-report";
import { createXlsxWriter } from "@/lib/reports/stream/xlsx-writer";
import { withDefaults } from "@/lib/reports/template";

import {
  createExportData,
  createExportUser,
  ledgerTotals,
  PERIOD,
  sessionTotals,
} from "./export-fixtures";
import { resetDatabase } from "./helpers";

const SESSIONS_EACH = 37;
let pool: pg.Pool;
let db: Db;
let codes: string[] = [];
const dir = mkdtempSync(path.join(os.tmpdir(), "export-stream-"));

beforeAll(async () => {
  await resetDatabase();
  pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
  db = createPrismaClient(undefined, pool);
  const admin = await createExportUser(db, "ADMIN");
  codes = await createExportData(db, {
    customers: 3,
    sessionsEach: SESSIONS_EACH,
    authorId: admin.id,
  });
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

async function streamCsv(request: StreamReportRequest, batchSize = 10) {
  const file = path.join(dir, `${request.kind}-${Date.now()}.csv`);
  const progress: [number, number][] = [];
  const result = await streamReport(db, request, createCsvWriter(createWriteStream(file)), {
    branding: withDefaults(),
    batchSize,
    onProgress: (done, total) => {
      progress.push([done, total]);
    },
  });
  const text = readFileSync(file, "utf8");

  return { result, text, progress };
}

// Splits the CSV into the table part (header and lines) and the balance part.
function parseCsv(text: string) {
  expect(text.startsWith("\uFEFF")).toBe(true);
  const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ";" }).data;
  const blank = rows.findIndex((row) => row.length === 1 && row[0] === "");
  const [header, ...lines] = rows.slice(0, blank);
  const [, ...balances] = rows.slice(blank + 1).filter((row) => row.length > 1);

  return { header, lines, balances };
}

describe("streamed CSV", () => {
  it("sessions totals match the database", async () => {
    const { result, text, progress } = await streamCsv({
      kind: "SESSIONS",
      ...PERIOD,
      customerCode: null,
    });
    const { header, lines, balances } = parseCsv(text);
    const billedIndex = header.indexOf("Minuti fatturati");

    expect(result.rows).toBe(3 * SESSIONS_EACH);
    expect(result.sections).toBe(3);
    expect(progress.at(-1)).toEqual([3 * SESSIONS_EACH, 3 * SESSIONS_EACH]);
    expect(progress.length).toBeGreaterThan(3);
    for (const code of codes) {
      const own = lines.filter((line) => line[0] === code);
      const rows = own.filter((line) => line[2] !== "Totale");
      const totals = own.find((line) => line[2] === "Totale");
      const sql = await sessionTotals(db, code, PERIOD.from, PERIOD.to);
      const billed = rows.reduce((sum, line) => sum + Number(line[billedIndex]), 0);

      expect(rows).toHaveLength(sql.count);
      expect(billed).toBe(sql.billedMinutes);
      expect(Number(totals?.[billedIndex])).toBe(sql.billedMinutes);
    }
    expect(balances.map((line) => line[0])).toEqual(codes);
    expect(lines.some((line) => line[0].includes("IDLE"))).toBe(false);
  });

  it("statement balances match the ledger", async () => {
    const { text } = await streamCsv({ kind: "STATEMENT", ...PERIOD, customerCode: null }, 7);
    const { header, lines, balances } = parseCsv(text);
    const creditIndex = header.indexOf("Accrediti");
    const debitIndex = header.indexOf("Addebiti");
    const balanceIndex = header.indexOf("Saldo");

    for (const code of codes) {
      const sql = await ledgerTotals(db, code, PERIOD.from, PERIOD.to);
      const own = lines.filter((line) => line[0] === code);
      const rows = own.filter((line) => line[2] !== "Totale");
      const totals = own.find((line) => line[2] === "Totale");
      const balanceLine = balances.find((line) => line[0] === code);
      const credits = rows.reduce((sum, line) => sum + Number(line[creditIndex] || 0), 0);
      const debits = rows.reduce((sum, line) => sum + Number(line[debitIndex] || 0), 0);

      expect(credits).toBe(sql.credits);
      expect(debits).toBe(sql.debits);
      expect(Number(totals?.[creditIndex])).toBe(sql.credits);
      expect(Number(totals?.[debitIndex])).toBe(sql.debits);
      // The running balance carries across batches of 7 rows and ends on the closing balance.
      expect(Number(rows.at(-1)?.[balanceIndex])).toBe(sql.closing);
      expect(balanceLine?.slice(2).map(Number)).toEqual([
        sql.opening,
        sql.credits,
        sql.debits,
        sql.closing,
      ]);
    }
  });

  it("neutralises formulas and quotes separators", async () => {
    const { text } = await streamCsv({ kind: "SESSIONS", ...PERIOD, customerCode: codes[0] });

    expect(text).toContain(`'=Formula; ""quoted"" S.p.A."`);
    expect(text).toContain(`"'@contatto; riavvio"`);
  });

  it("rejects an unknown customer and a reversed period", async () => {
    const unknown = streamCsv({ kind: "SESSIONS", ...PERIOD, customerCode: "NOPE" });
    await expect(unknown).rejects.toMatchObject({ messageKey: "reports.customerNotFound" });
    const reversed = streamCsv({
      kind: "SESSIONS",
      from: "2026-11-30",
      to: "2026-11-01",
      customerCode: null,
    });
    await expect(reversed).rejects.toBeInstanceOf(AppError);
    await expect(reversed).rejects.toMatchObject({ messageKey: "reports.periodReversed" });
  });
});

async function streamXlsx(request: StreamReportRequest, maxSheetRows?: number) {
  const file = path.join(dir, `${request.kind}-${Date.now()}.xlsx`);
  const writer = createXlsxWriter(createWriteStream(file), withDefaults(), { maxSheetRows });
  await streamReport(db, request, writer, { branding: withDefaults(), batchSize: 9 });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);

  return workbook;
}

function dataRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row, number) => {
    if (number > 6) rows.push((row.values as unknown[]).slice(1));
  });

  return rows;
}

describe("streamed XLSX", () => {
  it("writes a sheet per customer with database totals", async () => {
    const workbook = await streamXlsx({ kind: "SESSIONS", ...PERIOD, customerCode: null });

    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(codes);
    for (const code of codes) {
      const sheet = workbook.getWorksheet(code);
      if (!sheet) throw new Error(`sheet ${code} missing`);
      const header = (sheet.getRow(6).values as unknown[]).slice(1);
      const billedIndex = header.indexOf("Minuti fatturati");
      const rows = dataRows(sheet);
      const totals = rows.pop();
      const sql = await sessionTotals(db, code, PERIOD.from, PERIOD.to);
      const billed = rows.reduce((sum: number, row) => sum + Number(row[billedIndex]), 0);
      const balances = (sheet.getRow(4).values as unknown[]).slice(1);
      const ledger = await ledgerTotals(db, code, PERIOD.from, PERIOD.to);

      expect(rows).toHaveLength(sql.count);
      expect(billed).toBe(sql.billedMinutes);
      expect(totals?.[billedIndex]).toBe(sql.billedMinutes);
      expect(rows[0][0]).toBeInstanceOf(Date);
      expect(balances[1]).toBe(ledger.opening);
      expect(balances[7]).toBe(ledger.closing);
    }
  });

  it("continues a long section on a second sheet", async () => {
    const workbook = await streamXlsx({ kind: "SESSIONS", ...PERIOD, customerCode: codes[1] }, 30);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    const rows = workbook.worksheets.flatMap((sheet) => dataRows(sheet));

    expect(names).toEqual([codes[1], `${codes[1]} (2)`]);
    // Data rows plus one totals row, spread over both sheets.
    expect(rows).toHaveLength(SESSIONS_EACH + 1);
  });
});

describe("statements ZIP", () => {
  it("holds one PDF per active customer with ledger balances", async () => {
    const file = path.join(dir, "statements.zip");
    const progress: number[] = [];
    const { statements } = await writeStatementsZip(db, createWriteStream(file), {
      ...PERIOD,
      branding: withDefaults(),
      onProgress: (done) => {
        progress.push(done);
      },
    });
    const zip = await JSZip.loadAsync(readFileSync(file));
    const names = Object.keys(zip.files).sort();

    expect(statements).toBe(codes.length);
    expect(names).toEqual(codes.map((code) => statementFileName(code, PERIOD.from, PERIOD.to)));
    expect(names[0]).toBe(`estratto-conto_${codes[0]}_2026-11-01_2026-11-30.pdf`);
    expect(progress).toEqual([1, 2, 3, 4]);

    for (const code of codes) {
      const pdf = await zip
        .file(statementFileName(code, PERIOD.from, PERIOD.to))
        ?.async("nodebuffer");
      if (!pdf) throw new Error(`statement of ${code} missing`);
      const pdfFile = path.join(dir, `${code}.pdf`);
      writeFileSync(pdfFile, pdf);
      const text = execFileSync("pdftotext", ["-layout", pdfFile, "-"]).toString();
      const sql = await ledgerTotals(db, code, PERIOD.from, PERIOD.to);

      expect(text).toContain(code);
      expect(text).toMatch(new RegExp(`Saldo finale[\\s\\S]*${formatMinutes(sql.closing)}`));
      expect(text).toContain(formatMinutes(sql.opening));
      expect(text).toContain(formatMinutes(sql.credits));
      expect(text).toContain(formatMinutes(sql.debits));
    }
  });
});
