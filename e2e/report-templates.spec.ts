import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect, type Page, test } from "@playwright/test";
import JSZip from "jszip";
import sharp from "sharp";

import { queryDb, signIn } from "./helpers";

const FROM = "2026-11-01";
const TO = "2026-11-30";

async function busiestCustomer(): Promise<string> {
  const [row] = await queryDb<{ code: string }>(
    `SELECT c.code FROM "Customer" c JOIN "LedgerEntry" e ON e."customerId" = c.id
     WHERE e."occurredAt" >= $1 AND e."occurredAt" < $2
     GROUP BY c.code ORDER BY count(*) DESC LIMIT 1`,
    [`${FROM}T00:00:00Z`, `${TO}T00:00:00Z`],
  );

  return row.code;
}

async function download(page: Page, label: string, folder: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: label }).click(),
  ]);
  const target = path.join(folder, file.suggestedFilename());
  await file.saveAs(target);

  return target;
}

test("[reports] a saved template changes the next PDF and Word exports", async ({ page }) => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "report-templates-e2e-"));
  const logo = await sharp({
    create: { width: 240, height: 80, channels: 3, background: "#0f766e" },
  })
    .png()
    .toBuffer();
  const customer = await busiestCustomer();
  await signIn(page, "ADMIN");

  await page.goto("/reports/templates/statement");
  await expect(page.getByRole("heading", { name: "Modelli dei report" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Mostra Commento" }).uncheck();
  await page.getByRole("textbox", { name: "Etichetta (italiano) Riferimento" }).fill("Rif. pratica");
  await page.getByRole("button", { name: "Sposta Saldo in su" }).click();
  await page.getByLabel("Ragione sociale").fill("Tecnoassist S.r.l.");
  await page.getByLabel("Logo", { exact: true }).setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: logo,
  });

  await page.getByRole("button", { name: "Anteprima" }).click();
  const preview = page.frameLocator('iframe[title="Anteprima del modello"]');
  await expect(preview.locator("th").first()).toHaveText("Data");
  await expect(preview.locator("th", { hasText: "Rif. pratica" })).toBeVisible();
  await expect(preview.locator("th", { hasText: "Commento" })).toHaveCount(0);
  await expect(preview.locator("img.logo")).toBeVisible();

  await page.getByRole("button", { name: "Salva nuova versione" }).click();
  await expect(page.getByRole("status")).toContainText("Salvato come versione");
  const [saved] = await queryDb<{ version: number; fields: string[] }>(
    `SELECT version, fields FROM "ReportTemplate" WHERE report = 'STATEMENT'
     ORDER BY version DESC LIMIT 1`,
  );
  expect(saved.fields).not.toContain("comment");
  expect(saved.fields.indexOf("balance")).toBeLessThan(saved.fields.indexOf("debit"));

  await page.goto(`/reports?report=statement&customer=${customer}&from=${FROM}&to=${TO}`);
  const pdf = await download(page, "Scarica PDF", folder);
  const pdfText = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
  expect(pdfText).toContain("Rif. pratica");
  expect(pdfText).toContain("Tecnoassist S.r.l.");
  expect(pdfText).toContain(`template v${saved.version}`);
  expect(pdfText).not.toContain("Commento");
  const images = execFileSync("pdfimages", ["-list", pdf]).toString();
  expect(images.trim().split("\n").length).toBeGreaterThan(2);

  const docx = await download(page, "Scarica DOCX", folder);
  const zip = await JSZip.loadAsync(readFileSync(docx));
  const documentXml = await zip.file("word/document.xml")!.async("string");
  const headerXml = await zip.file("word/header1.xml")!.async("string");
  const footerXml = await zip.file("word/footer1.xml")!.async("string");
  expect(documentXml).toContain("Rif. pratica");
  expect(documentXml).not.toContain(">Commento<");
  expect(headerXml).toContain("Tecnoassist S.r.l.");
  expect(headerXml).toContain("r:embed");
  expect(footerXml).toContain(`template v${saved.version}`);
  expect(Object.keys(zip.files).some((name) => name.startsWith("word/media/"))).toBe(true);
});

test("[reports] a template without fields is rejected", async ({ page }) => {
  await signIn(page, "ADMIN");
  await page.goto("/reports/templates/sessions");
  const [before] = await queryDb<{ count: string }>(`SELECT count(*) FROM "ReportTemplate"`);

  for (const checkbox of await page.getByRole("checkbox", { name: /^Mostra / }).all()) {
    await checkbox.uncheck();
  }
  await page.getByRole("button", { name: "Salva nuova versione" }).click();
  await expect(page.getByRole("alert").first()).toContainText("Scegli almeno un campo");
  const [after] = await queryDb<{ count: string }>(`SELECT count(*) FROM "ReportTemplate"`);
  expect(after.count).toBe(before.count);
});
