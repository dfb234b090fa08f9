import path from "node:path";

import { expect, type Page, test } from "@playwright/test";

import { queryDb, signIn } from "./helpers";

// A real TeamViewer Connections_incoming.txt: 29 connections in April to June 2018.
const SAMPLE = path.resolve("..", "shared", "samples", "teamviewer-connections-incoming.txt");

// The three most frequent partner IDs of the sample and the minutes their connections bill under
// the default rules (every started minute, connections under 60 s not billed).
const PARTNERS = [
  { remoteId: "450329760", sessions: 9, minutes: 786 },
  { remoteId: "644326672", sessions: 5, minutes: 122 },
  { remoteId: "605138497", sessions: 4, minutes: 9 },
];

interface CustomerRow {
  id: string;
  balanceMinutes: number;
}

// The demo data covers the twelve months before the anchor date, so sessions of 2018 come only
// from the sample.
async function sampleSessions() {
  return queryDb<{ customerId: string | null; source: string; billedMinutes: number }>(
    `SELECT "customerId", "source", "billedMinutes" FROM "Session"
     WHERE "startedAt" < '2019-01-01'`,
  );
}

// Registers each partner ID as a TeamViewer device of one of the first three demo customers.
async function registerPartners(): Promise<CustomerRow[]> {
  const customers = await queryDb<CustomerRow>(
    `SELECT "id", "balanceMinutes" FROM "Customer" ORDER BY "code" LIMIT 3`,
  );
  expect(customers).toHaveLength(3);

  for (const [index, partner] of PARTNERS.entries()) {
    await queryDb(
      `INSERT INTO "Device" ("id", "customerId", "kind", "remoteId", "label")
       VALUES ($1, $2, 'TEAMVIEWER', $3, 'e2e')`,
      [`e2e-device-${partner.remoteId}`, customers[index].id, partner.remoteId],
    );
  }

  return customers;
}

async function previewSample(page: Page) {
  await page.goto("/imports/sessions");
  await page.getByLabel("File delle connessioni").setInputFiles(SAMPLE);
  await expect(page.getByTestId("file-summary")).toContainText("Log TeamViewer: 29 righe");
  await page.getByRole("button", { name: "Anteprima", exact: true }).click();
  await expect(page.getByTestId("preview")).toBeVisible();
}

test("[imports] admin imports a TeamViewer log twice", async ({ page }, testInfo) => {
  const customers = await registerPartners();
  expect(await sampleSessions()).toEqual([]);
  await signIn(page, "ADMIN");

  await previewSample(page);
  await expect(page.getByTestId("count-rows")).toContainText("29");
  await expect(page.getByTestId("count-onCustomer")).toContainText("18");
  await expect(page.getByTestId("count-toAssign")).toContainText("11");
  await expect(page.getByTestId("count-alreadyImported")).toContainText("0");
  await expect(page.getByTestId("count-rejected")).toContainText("0");
  await expect(page.getByTestId("billed-minutes")).toContainText("917");
  await expect(page.getByTestId("customer-totals").locator("tbody tr")).toHaveCount(3);
  await page.screenshot({
    path: testInfo.outputPath("session-import-preview.png"),
    fullPage: true,
  });

  await page.getByRole("button", { name: "Importa", exact: true }).click();
  const result = page.getByTestId("import-result");
  await expect(result).toContainText("Sui clienti: 18, da assegnare: 11");
  await expect(result).toContainText("Minuti addebitati: 917");
  await page.screenshot({ path: testInfo.outputPath("session-import-result.png"), fullPage: true });

  const sessions = await sampleSessions();
  expect(sessions).toHaveLength(29);
  expect(sessions.every((session) => session.source === "IMPORT")).toBe(true);
  expect(sessions.filter((session) => session.customerId === null)).toHaveLength(11);
  for (const [index, partner] of PARTNERS.entries()) {
    const customer = customers[index];
    const own = sessions.filter((session) => session.customerId === customer.id);
    const [stored] = await queryDb<{ balanceMinutes: number; ledger: string }>(
      `SELECT c."balanceMinutes", (SELECT sum("minutes") FROM "LedgerEntry" e
       WHERE e."customerId" = c."id") AS "ledger" FROM "Customer" c WHERE c."id" = $1`,
      [customer.id],
    );

    expect(own).toHaveLength(partner.sessions);
    expect(own.reduce((sum, session) => sum + session.billedMinutes, 0)).toBe(partner.minutes);
    expect(stored.balanceMinutes).toBe(customer.balanceMinutes - partner.minutes);
    expect(Number(stored.ledger)).toBe(stored.balanceMinutes);
  }

  // The same file again: every row is already imported and nothing can be committed.
  await previewSample(page);
  await expect(page.getByTestId("count-alreadyImported")).toContainText("29");
  await expect(page.getByTestId("count-onCustomer")).toContainText("0");
  await expect(page.getByTestId("count-toAssign")).toContainText("0");
  await expect(page.getByTestId("billed-minutes")).toContainText("0");
  await expect(page.getByRole("button", { name: "Importa", exact: true })).toBeDisabled();
  expect(await sampleSessions()).toHaveLength(29);
});

test("[imports] admin maps session CSV columns", async ({ page }, testInfo) => {
  const [customer] = await queryDb<{ code: string; name: string }>(
    `SELECT "code", "name" FROM "Customer" ORDER BY "code" DESC LIMIT 1`,
  );
  const csv = [
    "Cliente;Apertura;Durata;Tecnico",
    `${customer.code};14/01/2019 09:00;0:12:30;Rossi`,
    "NESSUNO;14/01/2019 10:00;600;Rossi",
    `;14/01/2019 11:00;-30;Rossi`,
  ].join("\r\n");
  await signIn(page, "ADMIN");
  await page.goto("/imports/sessions");

  await page.getByLabel("File delle connessioni").setInputFiles({
    name: "sessioni.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv, "latin1"),
  });
  await expect(page.getByTestId("file-summary")).toContainText("CSV: 3 righe");
  await page.getByTestId("session-mapping-customerCode").selectOption("Cliente");
  await page.getByTestId("session-mapping-startedAt").selectOption("Apertura");
  await page.getByTestId("session-mapping-durationSeconds").selectOption("Durata");
  await page.getByRole("button", { name: "Anteprima", exact: true }).click();

  await expect(page.getByTestId("count-onCustomer")).toContainText("1");
  await expect(page.getByTestId("count-rejected")).toContainText("2");
  await expect(page.getByTestId("billed-minutes")).toContainText("13");
  await page.getByTestId("tab-rejected").click();
  await expect(page.getByTestId("rows-rejected")).toContainText(
    "Riga 3: nessun cliente con codice NESSUNO",
  );
  await expect(page.getByTestId("rows-rejected")).toContainText(
    'Riga 4: la durata "-30" è negativa',
  );
  await page.screenshot({ path: testInfo.outputPath("session-import-csv.png"), fullPage: true });
});

test("[imports] non-text session file rejected", async ({ page }) => {
  await signIn(page, "ADMIN");
  await page.goto("/imports/sessions");

  await page.getByLabel("File delle connessioni").setInputFiles({
    name: "archivio.zip",
    mimeType: "application/zip",
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0, 0x21, 0x00]),
  });

  await expect(page.getByTestId("import-error")).toContainText("Il file non è un file di testo");
});

test("[imports] operator cannot reach session import", async ({ page }) => {
  await signIn(page, "OPERATOR");

  const response = await page.goto("/imports/sessions");
  expect(response?.status()).toBe(403);

  const api = await page.request.post("/api/imports/sessions/commit", {
    multipart: { format: "auto" },
  });
  expect(api.status()).toBe(403);
});
