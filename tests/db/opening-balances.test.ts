import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";

import { commitOpeningBalances, previewOpeningBalances } from "@/lib/db/opening-balances";
import { openingBalanceMappingSchema } from "@/lib/imports/opening-balance-rows";

import { createCustomer, createUser, resetDatabase, testDb } from "./helpers";

const utf8 = (text: string) => new TextEncoder().encode(text);

const MAPPING = openingBalanceMappingSchema.parse({
  columns: { code: "Codice", minutes: "Minuti", contract: "Contratto", comment: "Note" },
});

async function ledgerState() {
  const customers = await testDb().customer.findMany({
    orderBy: { code: "asc" },
    select: { code: true, balanceMinutes: true },
  });

  return { customers, entries: await testDb().ledgerEntry.count() };
}

describe("opening balances", () => {
  beforeEach(resetDatabase);

  it("records a top-up or an adjustment per row", async () => {
    const rossi = await createCustomer({ code: "C1", name: "Rossi" });
    await createCustomer({ code: "C2", name: "Bianchi" });
    const contract = await testDb().contract.create({
      data: { customerId: rossi.id, number: "2026/7", startsOn: new Date("2026-01-01") },
    });
    const admin = await createUser();
    const bytes = utf8("Codice;Minuti;Contratto;Note\nC1;1.200;2026/7;Residuo 2025\nC2;-30;;\n");
    const input = { fileName: "saldi.csv", bytes, mapping: MAPPING };

    const preview = await previewOpeningBalances(testDb(), input);
    const counts = await commitOpeningBalances(testDb(), { ...input, actorId: admin.id });

    expect(preview.rejected).toEqual([]);
    expect(preview.importedAt).toBeNull();
    expect(preview.counts).toEqual({
      rows: 2,
      rejected: 0,
      topUps: 1,
      adjustments: 1,
      minutes: 1170,
    });
    expect(counts).toEqual(preview.counts);
    const entries = await testDb().ledgerEntry.findMany({
      orderBy: { sequence: "asc" },
      include: { customer: { select: { code: true } } },
    });
    expect(entries.map((entry) => [entry.customer.code, entry.kind, entry.minutes])).toEqual([
      ["C1", "TOP_UP", 1200],
      ["C2", "ADJUSTMENT", -30],
    ]);
    expect(entries[0].contractId).toBe(contract.id);
    expect(entries[0].comment).toBe("Residuo 2025");
    expect(entries[0].authorId).toBe(admin.id);
    expect(entries[1].contractId).toBeNull();
    expect((await ledgerState()).customers).toEqual([
      { code: "C1", balanceMinutes: 1200 },
      { code: "C2", balanceMinutes: -30 },
    ]);
    const audit = await testDb().auditEvent.findMany();
    expect(audit.map((event) => event.action)).toEqual(["openingBalances.import"]);
  });

  it("refuses the same balances twice, also saved as .xlsx", async () => {
    await createCustomer({ code: "C1" });
    await createCustomer({ code: "C2" });
    const csv = utf8("Codice;Minuti;Contratto;Note\nC1;120;;\nC2;60;;\n");
    await commitOpeningBalances(testDb(), {
      fileName: "saldi.csv",
      bytes: csv,
      mapping: MAPPING,
      actorId: null,
    });
    const before = await ledgerState();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Saldi");
    sheet.addRow(["Note", "Codice", "Minuti", "Contratto"]);
    sheet.addRow(["", "C2", 60, ""]);
    sheet.addRow(["", "C1", 120, ""]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());

    const csvAgain = await previewOpeningBalances(testDb(), {
      fileName: "saldi.csv",
      bytes: csv,
      mapping: MAPPING,
    });
    const xlsxPreview = await previewOpeningBalances(testDb(), {
      fileName: "saldi.xlsx",
      bytes: xlsx,
      mapping: MAPPING,
    });

    expect(csvAgain.importedAt).not.toBeNull();
    expect(xlsxPreview.importedAt).toBe(csvAgain.importedAt);
    await expect(
      commitOpeningBalances(testDb(), {
        fileName: "saldi.xlsx",
        bytes: xlsx,
        mapping: MAPPING,
        actorId: null,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "openingBalances.alreadyImported" });
    expect(await ledgerState()).toEqual(before);
  });

  it("refuses the same balances with other comments", async () => {
    await createCustomer({ code: "C1" });
    await createCustomer({ code: "C2" });
    await commitOpeningBalances(testDb(), {
      fileName: "saldi.csv",
      bytes: utf8("Codice;Minuti;Contratto;Note\nC1;120;;Residuo 2025\nC2;60;;\n"),
      mapping: MAPPING,
      actorId: null,
    });
    const before = await ledgerState();
    const recommented = utf8("Codice;Minuti;Contratto;Note\nC2;60;;Riporto\nC1;120;;Altro\n");

    const preview = await previewOpeningBalances(testDb(), {
      fileName: "saldi-bis.csv",
      bytes: recommented,
      mapping: MAPPING,
    });

    expect(preview.importedAt).not.toBeNull();
    await expect(
      commitOpeningBalances(testDb(), {
        fileName: "saldi-bis.csv",
        bytes: recommented,
        mapping: MAPPING,
        actorId: null,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "openingBalances.alreadyImported" });
    expect(await ledgerState()).toEqual(before);
  });

  it("refuses two concurrent imports of the same file once", async () => {
    await createCustomer({ code: "C1" });
    const input = {
      fileName: "saldi.csv",
      bytes: utf8("Codice;Minuti;Contratto;Note\nC1;100;;\n"),
      mapping: MAPPING,
      actorId: null,
    };

    const results = await Promise.allSettled([
      commitOpeningBalances(testDb(), input),
      commitOpeningBalances(testDb(), input),
    ]);

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((result) => result.status === "rejected");
    expect((failed as PromiseRejectedResult).reason).toMatchObject({
      messageKey: "openingBalances.alreadyImported",
    });
    expect((await ledgerState()).customers).toEqual([{ code: "C1", balanceMinutes: 100 }]);
  });

  it("lists unknown codes and contracts, and records nothing", async () => {
    await createCustomer({ code: "C1" });
    const bytes = utf8(
      "Codice;Minuti;Contratto;Note\nC1;100;;\nNOPE;50;;\nC1;20;;\nC3;abc;;\nC1x;0;;\nC1;10;X-1;\n",
    );
    const input = { fileName: "saldi.csv", bytes, mapping: MAPPING };

    const preview = await previewOpeningBalances(testDb(), input);

    expect(preview.rejected.map((row) => [row.line, row.problem])).toEqual([
      [3, { kind: "unknownCustomer" }],
      [4, { kind: "duplicateCode", firstLine: 2 }],
      [5, { kind: "invalidMinutes", value: "abc" }],
      [6, { kind: "zeroMinutes" }],
      [7, { kind: "duplicateCode", firstLine: 2 }],
    ]);
    await expect(
      commitOpeningBalances(testDb(), { ...input, actorId: null }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "openingBalances.rowsRejected",
      values: { count: 5 },
    });
    expect(await ledgerState()).toEqual({
      customers: [{ code: "C1", balanceMinutes: 0 }],
      entries: 0,
    });
    expect(await testDb().auditEvent.count()).toBe(0);
  });

  it("rejects a contract of another customer", async () => {
    await createCustomer({ code: "C1" });
    const other = await createCustomer({ code: "C2" });
    await testDb().contract.create({
      data: { customerId: other.id, number: "K-2", startsOn: new Date("2026-01-01") },
    });

    const preview = await previewOpeningBalances(testDb(), {
      fileName: "saldi.csv",
      bytes: utf8("Codice;Minuti;Contratto;Note\nC1;100;K-2;\n"),
      mapping: MAPPING,
    });

    expect(preview.rejected).toEqual([
      { line: 2, code: "C1", problem: { kind: "unknownContract", contract: "K-2" } },
    ]);
  });
});
