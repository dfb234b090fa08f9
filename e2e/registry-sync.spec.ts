import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { expect, type Page, test } from "@playwright/test";

import { queryDb, signIn } from "./helpers";

// Codes unique to this run, so the test does not depend on the demo data's codes.
const RUN = Date.now().toString(36).toUpperCase();
const code = (index: number) => `ERP-${RUN}-${index}`;
const HEADER = ["Cod. cliente", "Ragione sociale", "P.IVA", "Città", "ID TeamViewer"];

function erpCsv(): Buffer {
  const rows = [
    HEADER,
    [code(1), "Caffè Società Srl", "IT 00860340157", "Forlì", "311 222 333"],
    [code(2), "Àrea Già Informatica", "12345678903", "Cantù", ""],
    [code(3), "Sbagliata Spa", "12345678904", "Roma", ""],
  ];

  return iconv.encode(`${rows.map((row) => row.join(";")).join("\r\n")}\r\n`, "windows-1252");
}

async function erpWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Clienti");
  sheet.addRow(HEADER);
  sheet.addRow([
    code(1),
    { formula: 'CONCAT("Caffè Società ","S.r.l.")', result: "Caffè Società S.r.l." },
    "00860340157",
    "Forlì",
    "311222333",
  ]);
  sheet.addRow([code(4), "Nuova Città Snc", "", "Ventimiglia", ""]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function customer(customerCode: string) {
  const [row] = await queryDb<{ name: string; vatNumber: string | null; city: string | null }>(
    `SELECT name, "vatNumber", city FROM "Customer" WHERE code = $1`,
    [customerCode],
  );

  return row ?? null;
}

async function upload(page: Page, name: string, buffer: Buffer, mimeType: string) {
  await page.getByLabel("File CSV o Excel").setInputFiles({ name, mimeType, buffer });
}

test("[registry-sync] ERP CSV then .xlsx export with the saved mapping", async ({ page }) => {
  await signIn(page, "ADMIN");
  await page.goto("/imports/registry");

  await upload(page, "clienti.csv", erpCsv(), "text/csv");
  await expect(page.getByTestId("file-summary")).toContainText("punto e virgola");
  await expect(page.getByTestId("file-summary")).toContainText("Windows-1252");
  await expect(page.getByTestId("sample-rows")).toContainText("Caffè Società Srl");
  await page.getByTestId("mapping-code").selectOption("Cod. cliente");
  await page.getByTestId("mapping-name").selectOption("Ragione sociale");
  await page.getByTestId("mapping-vatNumber").selectOption("P.IVA");
  await page.getByTestId("mapping-city").selectOption("Città");
  await page.getByTestId("mapping-device-TEAMVIEWER").selectOption("ID TeamViewer");
  await page.getByRole("button", { name: "Anteprima", exact: true }).click();

  await expect(page.getByTestId("count-new")).toContainText("2");
  await expect(page.getByTestId("count-rejected")).toContainText("1");
  await expect(page.getByTestId("count-devices")).toContainText("1");
  await page.getByTestId("tab-rejected").click();
  await expect(page.getByTestId("rows-rejected")).toContainText(
    "Partita IVA 12345678904 non valida",
  );
  const commit = page.getByRole("button", { name: "Importa", exact: true });
  await expect(commit).toBeDisabled();
  await page.screenshot({ path: "test-results/registry-sync-preview.png", fullPage: true });

  await page.getByTestId("skip-rejected").check();
  await commit.click();
  await expect(page.getByTestId("import-result")).toContainText("Nuovi: 2");

  expect(await customer(code(1))).toEqual({
    name: "Caffè Società Srl",
    vatNumber: "00860340157",
    city: "Forlì",
  });
  expect((await customer(code(2)))?.name).toBe("Àrea Già Informatica");
  expect(await customer(code(3))).toBeNull();
  const devices = await queryDb<{ kind: string; remoteId: string }>(
    `SELECT d.kind::text AS kind, d."remoteId" FROM "Device" d
     JOIN "Customer" c ON c.id = d."customerId" WHERE c.code = $1`,
    [code(1)],
  );
  expect(devices).toEqual([{ kind: "TEAMVIEWER", remoteId: "311222333" }]);

  // The .xlsx export of the next month: same columns, so the saved mapping applies by itself.
  await page.goto("/imports/registry");
  await upload(
    page,
    "clienti.xlsx",
    await erpWorkbook(),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
  await expect(page.getByTestId("file-summary")).toContainText("File Excel");
  await expect(page.getByTestId("saved-mapping")).toBeVisible();
  await expect(page.getByTestId("mapping-code")).toHaveValue("Cod. cliente");
  await expect(page.getByTestId("mapping-device-TEAMVIEWER")).toHaveValue("ID TeamViewer");
  await page.getByRole("button", { name: "Anteprima", exact: true }).click();

  await expect(page.getByTestId("count-new")).toContainText("1");
  await expect(page.getByTestId("count-updated")).toContainText("1");
  await expect(page.getByTestId("count-rejected")).toContainText("0");
  await expect(page.getByTestId("count-devices")).toContainText("0");
  await page.screenshot({ path: "test-results/registry-sync-xlsx.png", fullPage: true });
  await page.getByRole("button", { name: "Importa", exact: true }).click();
  await expect(page.getByTestId("import-result")).toContainText("Nuovi: 1");

  expect((await customer(code(1)))?.name).toBe("Caffè Società S.r.l.");
  expect(await customer(code(4))).toEqual({
    name: "Nuova Città Snc",
    vatNumber: null,
    city: "Ventimiglia",
  });

  // A file with a column the last one did not have: the saved mapping applies and the new column
  // is named as unmapped. Marking missing customers inactive is never remembered.
  await page.goto("/imports/registry");
  const withEmail = `${[...HEADER, "Email"].join(";")}\r\n${code(5)};Rossi;;Pavia;;r@example.com\r\n`;
  await upload(page, "clienti-email.csv", Buffer.from(withEmail), "text/csv");
  await expect(page.getByTestId("saved-mapping")).toContainText(
    "questa colonna non c'era nel file precedente e resta senza corrispondenza: Email",
  );
  await expect(page.getByTestId("mapping-code")).toHaveValue("Cod. cliente");
  await expect(page.getByTestId("mapping-email")).toHaveValue("");
  await expect(page.getByTestId("deactivate-missing")).not.toBeChecked();
  await page.screenshot({ path: "test-results/registry-sync-new-column.png", fullPage: true });
});

test("[registry-sync] opening balances are recorded once", async ({ page }) => {
  const [first, second] = await queryDb<{ code: string; balanceMinutes: number }>(
    `SELECT code, "balanceMinutes" FROM "Customer" WHERE active ORDER BY code LIMIT 2`,
  );
  const file = Buffer.from(
    `Codice;Minuti;Note\n${first.code};1.200;Residuo 2025\n${second.code};-15;Rettifica\n`,
  );
  await signIn(page, "ADMIN");
  await page.goto("/imports/opening-balances");

  await page.getByLabel("File CSV o Excel").setInputFiles({
    name: "saldi.csv",
    mimeType: "text/csv",
    buffer: file,
  });
  await expect(page.getByTestId("mapping-code")).toHaveValue("Codice");
  await expect(page.getByTestId("mapping-minutes")).toHaveValue("Minuti");
  await expect(page.getByTestId("mapping-comment")).toHaveValue("Note");
  await page.getByRole("button", { name: "Anteprima", exact: true }).click();

  await expect(page.getByTestId("count-topUps")).toContainText("1");
  await expect(page.getByTestId("count-adjustments")).toContainText("1");
  await expect(page.getByTestId("count-minutes")).toContainText("+1.185");
  await expect(page.getByTestId("rows-valid")).toContainText("Residuo 2025");
  await page.screenshot({ path: "test-results/opening-balances-preview.png", fullPage: true });
  await page.getByRole("button", { name: "Registra i saldi iniziali" }).click();
  await expect(page.getByTestId("import-result")).toContainText("Ricariche: 1");

  const balances = await queryDb<{ code: string; balanceMinutes: number }>(
    `SELECT code, "balanceMinutes" FROM "Customer" WHERE code = ANY($1) ORDER BY code`,
    [[first.code, second.code]],
  );
  expect(balances).toEqual([
    { code: first.code, balanceMinutes: first.balanceMinutes + 1200 },
    { code: second.code, balanceMinutes: second.balanceMinutes - 15 },
  ]);

  // The same file again: the preview reports it, and the commit endpoint rejects it.
  await page.goto("/imports/opening-balances");
  await page.getByLabel("File CSV o Excel").setInputFiles({
    name: "saldi-copia.csv",
    mimeType: "text/csv",
    buffer: file,
  });
  await page.getByRole("button", { name: "Anteprima", exact: true }).click();
  await expect(page.getByTestId("already-imported")).toContainText("già stati importati");
  await expect(page.getByRole("button", { name: "Registra i saldi iniziali" })).toBeDisabled();

  const response = await page.request.post("/api/imports/opening-balances/commit", {
    multipart: {
      file: { name: "saldi.csv", mimeType: "text/csv", buffer: file },
      mapping: JSON.stringify({ columns: { code: "Codice", minutes: "Minuti", comment: "Note" } }),
    },
  });
  const lines = (await response.text()).trim().split("\n");
  expect(JSON.parse(lines[lines.length - 1])).toMatchObject({
    type: "error",
    status: 409,
    error: { reason: "openingBalances.alreadyImported" },
  });
  const after = await queryDb<{ code: string; balanceMinutes: number }>(
    `SELECT code, "balanceMinutes" FROM "Customer" WHERE code = ANY($1) ORDER BY code`,
    [[first.code, second.code]],
  );
  expect(after).toEqual(balances);
});

test("[registry-sync] an operator cannot import opening balances", async ({ page }) => {
  await signIn(page, "OPERATOR");

  const response = await page.goto("/imports/opening-balances");
  expect(response?.status()).toBe(403);
  const api = await page.request.post("/api/imports/opening-balances/commit", {
    multipart: { mapping: "{}" },
  });
  expect(api.status()).toBe(403);
});
