import { expect, test } from "@playwright/test";

import { italianMinutes, queryDb, signIn } from "./helpers";

const LEDGER_PAGE_SIZE = 20;

async function auditCount(): Promise<number> {
  const [row] = await queryDb<{ count: string }>(`SELECT count(*) FROM "AuditEvent"`);

  return Number(row.count);
}

// One TeamViewer connection on Sunday 29 November 2026, 19:00 to 19:25 UTC (the log's time zone),
// from `remoteId`.
function lateConnectionLog(remoteId: string): Buffer {
  const line = [remoteId, "HELPDESK-E2E", "29-11-2026 19:00:00", "29-11-2026 19:25:00"];
  const rest = ["Administrator", "RemoteControl", "{6F1D2A40-0C55-4E7B-9C11-2B7E5F0A9D31}", ""];

  return Buffer.from(`\r\n${[...line, ...rest].join("\t")}\r\n`);
}

test("[administration] admin closes a postpaid month, then bills a late session", async ({
  page,
}) => {
  await signIn(page, "ADMIN");
  await page.goto("/billing/close?month=2026-11");
  const table = page.getByTestId("postpaid-close-table");
  const toBill = table.locator("tbody tr", { hasText: "Da fatturare" });
  await expect(toBill.first()).toBeVisible();
  const rowCount = await toBill.count();
  const customerId = await toBill.first().getAttribute("data-customer-id");
  const [expected] = await queryDb<{ minutes: string }>(
    `SELECT -sum(minutes) AS minutes FROM "LedgerEntry"
     WHERE "customerId" = $1 AND kind = 'SESSION'
       AND "occurredAt" >= '2026-10-31T23:00:00Z' AND "occurredAt" < '2026-11-30T23:00:00Z'`,
    [customerId],
  );

  await toBill.first().getByRole("textbox").fill("FT 2026/0901");
  await page.getByRole("button", { name: "Registra le fatturazioni" }).click();

  await expect(page.getByRole("status")).toContainText("Registrate 1 fatturazione");
  const row = table.locator(`tr[data-customer-id="${customerId}"]`);
  await expect(row).toContainText("Fatturato");
  await expect(row).toContainText("FT 2026/0901");
  await expect(toBill).toHaveCount(rowCount - 1);
  await page.screenshot({ path: "test-results/postpaid-close.png", fullPage: true });
  const billings = await queryDb<{ minutes: number; invoiceReference: string }>(
    `SELECT minutes, "invoiceReference" FROM "LedgerEntry" WHERE "idempotencyKey" = $1`,
    [`postpaid:${customerId}:2026-11`],
  );
  expect(billings).toEqual([
    { minutes: Number(expected.minutes), invoiceReference: "FT 2026/0901" },
  ]);

  // Closing the same customer and month again is rejected and records nothing.
  const again = await page.request.post("/api/billing/postpaid-close", {
    data: {
      month: "2026-11",
      invoices: [{ customerId, invoiceReference: "FT 2026/0902", minutes: 1 }],
    },
  });
  expect(again.status()).toBe(409);

  // A connection log imported after the close adds a November session to the customer.
  await queryDb(
    `INSERT INTO "Device" ("id", "customerId", "kind", "remoteId", "label")
     VALUES ('e2e-late-device', $1, 'TEAMVIEWER', '918273645', 'e2e')`,
    [customerId],
  );
  const imported = await page.request.post("/api/imports/sessions/commit", {
    multipart: {
      format: "teamviewer",
      file: {
        name: "Connections_incoming.txt",
        mimeType: "text/plain",
        buffer: lateConnectionLog("918273645"),
      },
    },
  });
  expect(imported.ok()).toBe(true);
  await imported.body();
  const [late] = await queryDb<{ billedMinutes: number }>(
    `SELECT "billedMinutes" FROM "Session" WHERE "customerId" = $1
       AND "startedAt" = '2026-11-29T19:00:00Z'`,
    [customerId],
  );
  expect(late.billedMinutes).toBeGreaterThan(0);

  await page.reload();
  await expect(row).toContainText("Integrazione da fatturare");
  await expect(row.getByRole("cell").nth(4)).toHaveText(italianMinutes(late.billedMinutes));
  await page.screenshot({ path: "test-results/postpaid-close-supplement.png", fullPage: true });
  await row.getByRole("textbox").fill("FT 2026/0950");
  await page.getByRole("button", { name: "Registra le fatturazioni" }).click();

  await expect(page.getByRole("status")).toContainText("Registrate 1 fatturazione");
  await expect(row).toContainText("FT 2026/0901, FT 2026/0950");
  await expect(row.getByRole("cell").nth(4)).toHaveText("0");
  const supplements = await queryDb<{ minutes: number; invoiceReference: string; comment: string }>(
    `SELECT minutes, "invoiceReference", comment FROM "LedgerEntry" WHERE "idempotencyKey" = $1`,
    [`postpaid:${customerId}:2026-11:2`],
  );
  expect(supplements).toEqual([
    {
      minutes: late.billedMinutes,
      invoiceReference: "FT 2026/0950",
      comment: "Integrazione consuntivo novembre 2026",
    },
  ]);
  const supplementAgain = await page.request.post("/api/billing/postpaid-close", {
    data: {
      month: "2026-11",
      invoices: [{ customerId, invoiceReference: "FT 2026/0951", minutes: 1 }],
    },
  });
  expect(supplementAgain.status()).toBe(409);
  const [count] = await queryDb<{ count: string }>(
    `SELECT count(*) FROM "LedgerEntry" WHERE "customerId" = $1 AND kind = 'POSTPAID_BILLING'
       AND "idempotencyKey" LIKE $2`,
    [customerId, `postpaid:${customerId}:2026-11%`],
  );
  expect(Number(count.count)).toBe(2);
});

test("[administration] close shows a month billed for more than consumed", async ({ page }) => {
  // A November session of a postpaid customer whose November is not billed yet.
  const [session] = await queryDb<{ entryId: string; customerId: string; minutes: number }>(
    `SELECT e.id AS "entryId", e."customerId", -e.minutes AS minutes
     FROM "LedgerEntry" e JOIN "Customer" c ON c.id = e."customerId"
     WHERE c."billingMode" = 'POSTPAID' AND e.kind = 'SESSION' AND e."reversesId" IS NULL
       AND e.minutes < 0
       AND e."occurredAt" >= '2026-10-31T23:00:00Z' AND e."occurredAt" < '2026-11-30T23:00:00Z'
       AND NOT EXISTS (SELECT 1 FROM "LedgerEntry" r WHERE r."reversesId" = e.id)
       AND NOT EXISTS (SELECT 1 FROM "LedgerEntry" b WHERE b."customerId" = e."customerId"
         AND b."idempotencyKey" LIKE 'postpaid:%:2026-11%')
     ORDER BY c.code DESC, e.sequence LIMIT 1`,
  );
  await signIn(page, "ADMIN");
  await page.goto("/billing/close?month=2026-11");
  const toBill = await page
    .getByTestId("postpaid-close-table")
    .locator(`tr[data-customer-id="${session.customerId}"]`)
    .getByRole("cell")
    .nth(4)
    .textContent();
  const minutes = Number((toBill ?? "").replace(/\./g, ""));
  const close = () =>
    page.request.post("/api/billing/postpaid-close", {
      data: {
        month: "2026-11",
        invoices: [{ customerId: session.customerId, invoiceReference: "FT 2026/0960", minutes }],
      },
    });
  expect((await close()).status()).toBe(201);

  // The session is reversed after the billing, so November is billed for more than it consumed.
  const reversal = await page.request.post(`/api/ledger-entries/${session.entryId}/reversal`, {
    data: { reason: "Teleassistenza di un altro cliente" },
  });
  expect(reversal.ok()).toBe(true);
  await page.goto("/billing/close?month=2026-11");
  const row = page
    .getByTestId("postpaid-close-table")
    .locator(`tr[data-customer-id="${session.customerId}"]`);

  await expect(row).toContainText(
    `Fatturati ${italianMinutes(session.minutes)} minuti più del consumato`,
  );
  await expect(row.getByRole("cell").nth(4)).toHaveText(italianMinutes(-session.minutes));
  await expect(row.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("note")).toContainText("La chiusura non fattura minuti negativi");
  await page.screenshot({ path: "test-results/postpaid-close-over-billed.png", fullPage: true });
  const again = await close();
  expect(again.status()).toBe(409);
  const [count] = await queryDb<{ count: string }>(
    `SELECT count(*) FROM "LedgerEntry" WHERE "customerId" = $1 AND kind = 'POSTPAID_BILLING'
       AND "idempotencyKey" LIKE 'postpaid:%:2026-11%'`,
    [session.customerId],
  );
  expect(Number(count.count)).toBe(1);
});

test("[administration] an expired top-up appears in the ledger", async ({ page }) => {
  const [expiry] = await queryDb<{ customerId: string; sequence: number; minutes: number }>(
    `SELECT "customerId", sequence, minutes FROM "LedgerEntry"
     WHERE "idempotencyKey" LIKE 'expiry:%' ORDER BY sequence LIMIT 1`,
  );
  const [newer] = await queryDb<{ count: string }>(
    `SELECT count(*) FROM "LedgerEntry" WHERE "customerId" = $1 AND sequence > $2`,
    [expiry.customerId, expiry.sequence],
  );
  const ledgerPage = Math.floor(Number(newer.count) / LEDGER_PAGE_SIZE) + 1;
  await signIn(page, "ADMIN");

  await page.goto(`/customers/${expiry.customerId}?page=${ledgerPage}`);

  const row = page.getByTestId("ledger-table").locator("tbody tr", { hasText: "Credito scaduto" });
  await expect(row.first()).toContainText("Variazione saldo");
  await expect(row.first()).toContainText(`${expiry.minutes}`);
  await expect(row.first()).toContainText("minuti non usati della ricarica del");
  await row.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/expired-top-up.png" });
});

test("[administration] a top-up expiring in the past is rejected", async ({ page }) => {
  const [customer] = await queryDb<{ id: string; balanceMinutes: number }>(
    `SELECT id, "balanceMinutes" FROM "Customer" WHERE "billingMode" = 'PREPAID' ORDER BY code
     OFFSET 5 LIMIT 1`,
  );
  const before = await auditCount();
  await signIn(page, "ADMIN");
  await page.goto(`/customers/${customer.id}`);

  const form = page.getByRole("form", { name: "Registra un movimento" });
  await form.getByLabel("Minuti", { exact: true }).fill("600");
  await form.getByLabel("Scadenza del credito").fill("2020-01-31");
  await form.getByRole("button", { name: "Registra" }).click();

  await expect(form.getByLabel("Scadenza del credito")).toHaveAccessibleDescription(
    /La data di scadenza è già passata/,
  );
  const [after] = await queryDb<{ balanceMinutes: number }>(
    `SELECT "balanceMinutes" FROM "Customer" WHERE id = $1`,
    [customer.id],
  );
  expect(after.balanceMinutes).toBe(customer.balanceMinutes);
  expect(await auditCount()).toBe(before);
});

test("[administration] admin reverses an entry with a reason", async ({ page }) => {
  const [customer] = await queryDb<{ id: string; balanceMinutes: number }>(
    `SELECT id, "balanceMinutes" FROM "Customer" WHERE "billingMode" = 'PREPAID' ORDER BY code
     OFFSET 6 LIMIT 1`,
  );
  await signIn(page, "ADMIN");
  await page.goto(`/customers/${customer.id}`);
  // The newest entry that is neither a reversal nor reversed already.
  const newest = page
    .getByTestId("ledger-table")
    .locator("tbody tr", { has: page.getByRole("button", { name: "Storna" }) })
    .first();
  const entryId = await newest.getAttribute("data-entry-id");
  const [entry] = await queryDb<{ minutes: number }>(
    `SELECT minutes FROM "LedgerEntry" WHERE id = $1`,
    [entryId],
  );

  await newest.getByRole("button", { name: "Storna" }).click();
  const form = page
    .locator(`tr[data-entry-id="${entryId}"]`)
    .getByRole("form", { name: "Storna il movimento" });
  await form.getByRole("button", { name: "Conferma storno" }).click();
  await expect(form.getByLabel("Motivo dello storno")).toHaveAccessibleDescription(
    "Indica il motivo dello storno.",
  );
  await form.getByLabel("Motivo dello storno").fill("Registrato due volte");
  await form.getByRole("button", { name: "Conferma storno" }).click();

  const table = page.getByTestId("ledger-table");
  await expect(table.locator("tbody tr").first()).toContainText("storno del movimento del");
  await expect(table.locator("tbody tr").first()).toContainText("Registrato due volte");
  await expect(table.locator(`tr[data-entry-id="${entryId}"]`)).toContainText(
    "stornato dal movimento del",
  );
  await expect(
    table
      .locator(`tr[data-entry-id="${entryId}"]`)
      .getByRole("button", { name: "Storna", exact: true }),
  ).toHaveCount(0);
  const [after] = await queryDb<{ balanceMinutes: number }>(
    `SELECT "balanceMinutes" FROM "Customer" WHERE id = $1`,
    [customer.id],
  );
  expect(after.balanceMinutes).toBe(customer.balanceMinutes - entry.minutes);

  // A second reversal of the same entry, sent directly, is refused.
  const again = await page.request.post(`/api/ledger-entries/${entryId}/reversal`, {
    data: { reason: "di nuovo" },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toBe("Questo movimento è già stato stornato.");
});

test("[administration] admin creates a customer and a contract", async ({ page }) => {
  const [existing] = await queryDb<{ code: string }>(`SELECT code FROM "Customer" LIMIT 1`);
  await signIn(page, "ADMIN");
  await page.goto("/customers/new");
  const form = page.getByRole("form", { name: "Nuovo cliente" });

  await form.getByLabel("Codice cliente").fill(existing.code.toLowerCase());
  await form.getByLabel("Ragione sociale").fill("Officina Test e2e");
  await form.getByLabel("Partita IVA").fill("01234567890");
  await form.getByRole("button", { name: "Crea cliente" }).click();
  await expect(form.getByLabel("Partita IVA")).toHaveAccessibleDescription(
    /La partita IVA non è valida/,
  );
  await expect(
    form.getByText(`Il codice cliente ${existing.code.toLowerCase()} è già usato`),
  ).toBeHidden();

  await form.getByLabel("Partita IVA").fill("01234567897");
  await form.getByRole("button", { name: "Crea cliente" }).click();
  await expect(form.getByLabel("Codice cliente")).toHaveAccessibleDescription(
    /è già usato da un altro cliente/,
  );

  await form.getByLabel("Codice cliente").fill("E2E-NEW-1");
  await form.getByLabel("Modalità di fatturazione").selectOption("POSTPAID");
  await form.getByRole("button", { name: "Crea cliente" }).click();
  await expect(page.getByRole("heading", { name: "Officina Test e2e" })).toBeVisible();

  const contract = page.getByRole("form", { name: "Nuovo contratto" });
  await contract.getByLabel("Numero").fill("2026/E2E");
  await contract.getByLabel("Inizio").fill("2026-06-01");
  await contract.getByLabel("Fine (facoltativa)").fill("2026-05-31");
  await contract.getByRole("button", { name: "Aggiungi contratto" }).click();
  await expect(contract.getByLabel("Fine (facoltativa)")).toHaveAccessibleDescription(
    "La fine del contratto è precedente all'inizio.",
  );
  await contract.getByLabel("Fine (facoltativa)").fill("2027-05-31");
  await contract.getByRole("button", { name: "Aggiungi contratto" }).click();
  await expect(page.getByTestId("contracts")).toContainText("01/06/2026 – 31/05/2027");
  await page.screenshot({ path: "test-results/new-customer.png", fullPage: true });

  const audit = await queryDb<{ action: string }>(
    `SELECT action FROM "AuditEvent" WHERE action IN ('customer.create', 'contract.create')
     AND "createdAt" > now() - interval '5 minutes' ORDER BY "createdAt"`,
  );
  expect(audit.map((event) => event.action)).toEqual(["customer.create", "contract.create"]);
});

test("[administration] an operator gets 403 for admin actions", async ({ page }) => {
  const [customer] = await queryDb<{ id: string; name: string; active: boolean }>(
    `SELECT id, name, active FROM "Customer" ORDER BY code LIMIT 1`,
  );
  const before = await auditCount();
  await signIn(page, "OPERATOR");

  const edit = await page.request.put(`/api/customers/${customer.id}`, {
    data: { code: "HACK", name: "Changed", billingMode: "POSTPAID", lowBalanceKind: "MINUTES" },
  });
  const deactivate = await page.request.put(`/api/customers/${customer.id}/activation`, {
    data: { active: false },
  });
  const close = await page.request.post("/api/billing/postpaid-close", {
    data: { month: "2026-10", invoices: [{ customerId: customer.id, invoiceReference: "X" }] },
  });
  const editPage = await page.goto(`/customers/${customer.id}/edit`);

  expect(edit.status()).toBe(403);
  expect((await edit.json()).error.code).toBe("FORBIDDEN");
  expect(deactivate.status()).toBe(403);
  expect(close.status()).toBe(403);
  expect(editPage?.status()).toBe(403);
  const [after] = await queryDb<{ name: string; active: boolean }>(
    `SELECT name, active FROM "Customer" WHERE id = $1`,
    [customer.id],
  );
  expect(after).toEqual({ name: customer.name, active: customer.active });
  expect(await auditCount()).toBe(before);
});
