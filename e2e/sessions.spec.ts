import { type Browser, expect, type Page, test } from "@playwright/test";

import { E2E } from "./environment";
import { italianMinutes, queryDb, signIn } from "./helpers";

interface CustomerRow {
  id: string;
  code: string;
  name: string;
  balanceMinutes: number;
}

interface SessionRow {
  id: string;
  code: string;
  status: string;
  source: string;
  customerId: string | null;
  billedMinutes: number | null;
  exhaustedCredit: string | null;
}

// Offsets past the customers that the other specs change, so each test starts from seeded data.
async function customerAt(billingMode: "PREPAID" | "POSTPAID", offset: number) {
  const [customer] = await queryDb<CustomerRow>(
    `SELECT id, code, name, "balanceMinutes" FROM "Customer"
     WHERE "billingMode" = $1 ORDER BY code OFFSET $2 LIMIT 1`,
    [billingMode, offset],
  );

  return customer;
}

async function sessionByCode(code: string): Promise<SessionRow> {
  const [session] = await queryDb<SessionRow>(
    `SELECT id, code, status, source, "customerId", "billedMinutes", "exhaustedCredit"
     FROM "Session" WHERE code = $1`,
    [code],
  );

  return session;
}

async function balanceOf(customerId: string): Promise<{ balance: number; ledgerSum: number }> {
  const [row] = await queryDb<{ balance: number; total: string }>(
    `SELECT c."balanceMinutes" AS balance,
            (SELECT coalesce(sum(minutes), 0) FROM "LedgerEntry" WHERE "customerId" = c.id) AS total
     FROM "Customer" c WHERE c.id = $1`,
    [customerId],
  );

  return { balance: row.balance, ledgerSum: Number(row.total) };
}

/** Runs `work` signed in as the administrator, in a browser context of its own. */
async function asAdmin(browser: Browser, work: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ baseURL: E2E.baseUrl });
  try {
    const page = await context.newPage();
    await signIn(page, "ADMIN");
    await work(page);
  } finally {
    await context.close();
  }
}

let codeCounter = 0;

function uniqueCode(prefix: string): string {
  codeCounter += 1;

  return `${prefix}-${Date.now()}-${codeCounter}`;
}

async function pickCustomer(scope: ReturnType<Page["locator"]>, label: string, code: string) {
  await scope.getByLabel(label, { exact: true }).fill(code);
  await scope
    .getByRole("list", { name: "Clienti trovati" })
    .getByRole("button", { name: new RegExp(`^${code} `) })
    .click();
  await expect(scope.getByTestId("picked-customer")).toContainText(code);
}

async function startByHand(page: Page, options: { customer: string; minutesAgo: number }) {
  const code = uniqueCode("e2e");
  const form = page.getByRole("form", { name: "Avvia una teleassistenza a mano" });
  await form.getByLabel("Codice teleassistenza").fill(code);
  await pickCustomer(form, "Cliente", options.customer);
  await form.getByLabel("Iniziata da (minuti)").fill(String(options.minutesAgo));
  await form.getByRole("button", { name: "Avvia" }).click();
  await expect(
    page.getByTestId("session-panel").getByRole("heading", { name: `Teleassistenza ${code}` }),
  ).toBeVisible();

  return code;
}

test("[sessions] operator follows a session to exhausted credit and records the choice", async ({
  page,
  browser,
}) => {
  const customer = await customerAt("PREPAID", 20);
  await asAdmin(browser, async (admin) => {
    const response = await admin.request.post(`/api/customers/${customer.id}/ledger-entries`, {
      data: { kind: "ADJUSTMENT", minutes: 5 - customer.balanceMinutes, comment: "e2e" },
    });
    expect(response.status()).toBe(201);
  });
  await signIn(page, "OPERATOR");
  await page.goto("/sessions/console");

  const code = await startByHand(page, { customer: customer.code, minutesAgo: 10 });

  const panel = page.getByTestId("session-panel");
  await expect(panel.getByTestId("session-customer")).toContainText(customer.name);
  await expect(panel.getByTestId("residual-before")).toHaveText("5");
  await expect(panel.getByTestId("projected-residual")).toHaveText(/^-\d+$/);
  const elapsed = panel.getByTestId("elapsed");
  await expect(elapsed).toHaveText(/^0:10:\d\d$/);
  const firstElapsed = await elapsed.textContent();
  await expect(elapsed).not.toHaveText(firstElapsed ?? "");

  const warning = panel.getByTestId("exhausted-credit");
  await expect(warning.getByRole("heading", { name: "Credito esaurito" })).toBeVisible();
  await warning.getByRole("button", { name: "Continua comunque" }).click();
  await expect(warning.getByTestId("exhausted-decision")).toHaveText(
    "Scelta registrata: continuare comunque.",
  );

  const session = await sessionByCode(code);
  expect(session.exhaustedCredit).toBe("CONTINUE");
  expect(session.status).toBe("RUNNING");
  expect(session.source).toBe("MANUAL");
  expect(session.customerId).toBe(customer.id);
});

test("[sessions] operator ends a postpaid session and sees the billed minutes", async ({
  page,
}) => {
  const customer = await customerAt("POSTPAID", 0);
  const before = await balanceOf(customer.id);
  await signIn(page, "OPERATOR");
  await page.goto("/sessions/console");

  const code = await startByHand(page, { customer: customer.code, minutesAgo: 3 });

  const panel = page.getByTestId("session-panel");
  await expect(panel).toContainText("Cliente a consuntivo");
  await expect(panel.getByTestId("exhausted-credit")).toHaveCount(0);
  await panel.getByRole("button", { name: "Termina la teleassistenza" }).click();
  await panel.getByRole("button", { name: "Sì, termina" }).click();
  await expect(panel.getByTestId("session-status")).toHaveText("Chiusa");

  const session = await sessionByCode(code);
  expect(session.status).toBe("CLOSED");
  const billed = session.billedMinutes ?? 0;
  expect(billed).toBeGreaterThanOrEqual(3);
  await expect(panel.getByTestId("billing-result")).toContainText(
    `Addebitati ${italianMinutes(billed)} minuti`,
  );
  await expect(panel.getByTestId("billing-rule")).toHaveText("Fatturata a minuto iniziato");
  const after = await balanceOf(customer.id);
  expect(after.balance).toBe(before.balance - billed);
  expect(after.ledgerSum).toBe(after.balance);
});

test("[sessions] a session without customer points to the inbox", async ({ page }) => {
  const [session] = await queryDb<{ code: string }>(
    `SELECT code FROM "Session" WHERE "customerId" IS NULL ORDER BY "startedAt" LIMIT 1`,
  );
  await signIn(page, "OPERATOR");

  await page.goto(`/sessions/console?code=${encodeURIComponent(session.code)}`);

  const notice = page.getByTestId("session-panel").getByTestId("inbox-notice");
  await expect(notice).toContainText("Teleassistenza da assegnare");
  await notice.getByRole("link", { name: "Apri le teleassistenze da assegnare" }).click();
  await expect(page).toHaveURL(/\/sessions\/inbox$/);
});

test("[sessions] operator assigns an inbox session and the balance drops", async ({ page }) => {
  const [open] = await queryDb<{ id: string; code: string }>(
    `SELECT id, code FROM "Session" WHERE "customerId" IS NULL AND status = 'CLOSED'
     ORDER BY "startedAt" DESC LIMIT 1`,
  );
  const customer = await customerAt("PREPAID", 21);
  const before = await balanceOf(customer.id);
  await signIn(page, "OPERATOR");
  await page.goto("/sessions/inbox");

  await page.getByRole("checkbox", { name: `Seleziona la teleassistenza ${open.code}` }).check();
  await pickCustomer(page.locator("main"), "Assegna al cliente", customer.code);
  await page.getByRole("button", { name: "Assegna 1 teleassistenza" }).click();

  await expect(page.locator("main").getByRole("status")).toContainText(
    `1 teleassistenza assegnata a ${customer.name} (${customer.code})`,
  );
  await expect(
    page.getByRole("checkbox", { name: `Seleziona la teleassistenza ${open.code}` }),
  ).toHaveCount(0);
  const session = await sessionByCode(open.code);
  expect(session.customerId).toBe(customer.id);
  const billed = session.billedMinutes ?? 0;
  const after = await balanceOf(customer.id);
  expect(after.balance).toBe(before.balance - billed);
  expect(after.ledgerSum).toBe(after.balance);

  const again = await page.request.post("/api/sessions/assign", {
    data: { sessionIds: [open.id], customerId: customer.id },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toBe(
    `La teleassistenza ${open.code} è già assegnata a un cliente. Solo un amministratore può ` +
      "spostarla, con una correzione che ne indica il motivo.",
  );
});

test("[sessions] manager filters the list and the totals match the database", async ({ page }) => {
  await signIn(page, "MANAGER");
  await page.goto("/sessions");
  const filters = page.getByRole("search", { name: "Filtri delle teleassistenze" });

  await filters.getByLabel("Dal", { exact: true }).fill("01/11/2026");
  await filters.getByLabel("Al", { exact: true }).fill("15/11/2026");
  await filters.getByLabel("Operatore", { exact: true }).fill("Olga");
  await filters.getByLabel("Stato", { exact: true }).selectOption("CLOSED");
  await filters.getByRole("button", { name: "Filtra" }).click();
  await expect(page).toHaveURL(/status=CLOSED/);

  // 1 November 00:00 to 16 November 00:00 in Rome (UTC+1).
  const [expected] = await queryDb<{ sessions: number; seconds: number; billed: number }>(
    `SELECT count(*)::int AS sessions, coalesce(sum(s.seconds), 0)::int AS seconds,
            coalesce(sum(s."billedMinutes"), 0)::int AS billed
     FROM "Session" s LEFT JOIN "User" u ON u.id = s."operatorId"
     WHERE s."startedAt" >= '2026-10-31T23:00:00Z' AND s."startedAt" < '2026-11-15T23:00:00Z'
       AND s.status = 'CLOSED' AND s."customerId" IS NOT NULL
       AND (s."operatorName" ILIKE '%Olga%' OR u.name ILIKE '%Olga%')`,
  );
  expect(expected.sessions).toBeGreaterThan(0);
  const realMinutes = new Intl.NumberFormat("it-IT", {
    maximumFractionDigits: 1,
    useGrouping: true,
  }).format(expected.seconds / 60);
  await expect(page.getByTestId("total-sessions")).toHaveText(italianMinutes(expected.sessions));
  await expect(page.getByTestId("total-real-minutes")).toHaveText(realMinutes);
  await expect(page.getByTestId("total-billed-minutes")).toHaveText(
    italianMinutes(expected.billed),
  );
  await expect(page.getByTestId("sessions-table").locator("tbody tr")).toHaveCount(
    Math.min(expected.sessions, 50),
  );

  await filters.getByLabel("Dal", { exact: true }).fill("20/11/2026");
  await filters.getByLabel("Al", { exact: true }).fill("10/11/2026");
  await filters.getByRole("button", { name: "Filtra" }).click();
  await expect(filters).toContainText(
    "La data di fine precede la data di inizio. Scegli una data di fine uguale o successiva.",
  );
  await expect(page.getByTestId("sessions-table")).toHaveCount(0);

  await filters.getByLabel("Dal", { exact: true }).fill("31/02/2026");
  await filters.getByRole("button", { name: "Filtra" }).click();
  await expect(filters).toContainText("«31/02/2026» non è una data valida.");
});

test("[sessions] admin adds a device and a duplicate is rejected", async ({ page }) => {
  const owner = await customerAt("PREPAID", 22);
  const other = await customerAt("PREPAID", 23);
  const remoteId = String(900_000_000 + (Date.now() % 99_999_999));
  const spaced = `${remoteId.slice(0, 3)} ${remoteId.slice(3, 6)} ${remoteId.slice(6)}`;
  await signIn(page, "ADMIN");
  await page.goto(`/customers/${owner.id}`);
  const form = page.getByRole("form", { name: "Aggiungi un dispositivo" });

  await form.getByLabel("ID remoto").fill("12 34");
  await form.getByRole("button", { name: "Aggiungi" }).click();
  await expect(form).toContainText("Un ID TeamViewer ha 9 o 10 cifre, ad esempio 123 456 789.");

  await form.getByLabel("ID remoto").fill(spaced);
  await form.getByLabel("Descrizione").fill("PC reception e2e");
  await form.getByRole("button", { name: "Aggiungi" }).click();
  const table = page.getByTestId("device-table");
  await expect(table).toContainText(remoteId);
  await expect(table).toContainText("PC reception e2e");

  await page.goto(`/customers/${other.id}`);
  await form.getByLabel("Tipo").selectOption("TEAMVIEWER");
  await form.getByLabel("ID remoto").fill(remoteId);
  const rejection = page.waitForResponse((response) =>
    response.url().endsWith(`/api/customers/${other.id}/devices`),
  );
  await form.getByRole("button", { name: "Aggiungi" }).click();
  expect((await rejection).status()).toBe(409);
  await expect(form.getByRole("alert")).toHaveText(
    `L'ID ${remoteId} è già registrato per il cliente ${owner.name} (${owner.code}). Rimuovilo da quel cliente prima di registrarlo qui.`,
  );

  const devices = await queryDb<{ customerId: string }>(
    `SELECT "customerId" FROM "Device" WHERE kind = 'TEAMVIEWER' AND "remoteId" = $1`,
    [remoteId],
  );
  expect(devices).toEqual([{ customerId: owner.id }]);
  const [audit] = await queryDb<{ count: number }>(
    `SELECT count(*)::int AS count FROM "AuditEvent"
     WHERE action = 'device.add' AND after->>'remoteId' = $1`,
    [remoteId],
  );
  expect(audit.count).toBe(1);

  await page.goto(`/customers/${owner.id}`);
  await table.getByRole("button", { name: `Rimuovi il dispositivo ${remoteId}` }).click();
  await expect(table).not.toContainText(remoteId);
  expect(await queryDb(`SELECT id FROM "Device" WHERE "remoteId" = $1`, [remoteId])).toHaveLength(
    0,
  );
});

test("[sessions] manager sees devices but cannot change them", async ({ page }) => {
  const [device] = await queryDb<{ customerId: string; remoteId: string }>(
    `SELECT "customerId", "remoteId" FROM "Device" ORDER BY "remoteId" LIMIT 1`,
  );
  await signIn(page, "MANAGER");

  await page.goto(`/customers/${device.customerId}`);

  await expect(page.getByTestId("device-table")).toContainText(device.remoteId);
  await expect(page.getByRole("form", { name: "Aggiungi un dispositivo" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Rimuovi il dispositivo/ })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Regole di fatturazione del cliente" })).toHaveCount(
    0,
  );
});

test("[sessions] operator cannot open the billing rules", async ({ page }) => {
  await signIn(page, "OPERATOR");

  const response = await page.goto("/settings/billing");

  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Accesso negato" })).toBeVisible();
  const put = await page.request.put("/api/settings/billing-rules", { data: {} });
  expect(put.status()).toBe(403);
  expect((await put.json()).error.code).toBe("FORBIDDEN");
});

test("[sessions] admin edits the billing rules with field errors", async ({ page }) => {
  await signIn(page, "ADMIN");
  await page.goto("/settings/billing");
  const form = page.getByRole("form", { name: "Regole di fatturazione" });
  const rounding = form.getByLabel("Arrotondamento (minuti)");
  const minimum = form.getByLabel("Addebito minimo (minuti)");

  await rounding.fill("0");
  await minimum.fill("abc");
  await form.getByRole("button", { name: "Salva le regole" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "Le regole di fatturazione nelle impostazioni non sono valide. Correggi i campi indicati.",
  );
  await expect(form).toContainText(
    "L'arrotondamento deve essere un numero intero di minuti da 1 a 1.440.",
  );
  await expect(form).toContainText(
    "L'addebito minimo deve essere un numero intero di minuti da 0 a 1.440.",
  );
  await expect(rounding).toHaveAttribute("aria-invalid", "true");

  // The values below are the defaults, so the other tests bill as before.
  await rounding.fill("1");
  await minimum.fill("1");
  await form.getByRole("button", { name: "Salva le regole" }).click();
  await expect(form.getByRole("status")).toHaveText("Regole salvate.");
  const [setting] = await queryDb<{ value: unknown }>(
    `SELECT value FROM "Setting" WHERE key = 'billingRules'`,
  );
  expect(setting.value).toEqual({ roundingIncrementMinutes: 1, minimumBilledMinutes: 1 });
});

test("[sessions] admin overrides a customer's billing rules", async ({ page }) => {
  const customer = await customerAt("PREPAID", 24);
  await signIn(page, "ADMIN");
  await page.goto(`/customers/${customer.id}`);
  const form = page.getByRole("form", { name: "Regole di fatturazione del cliente" });
  const gap = form.getByLabel("Unisci le riconnessioni entro (minuti)");

  await gap.fill("5");
  await form.getByRole("button", { name: "Salva le regole" }).click();
  await expect(form.getByRole("status")).toHaveText("Regole salvate.");
  const [stored] = await queryDb<{ billingRules: unknown }>(
    `SELECT "billingRules" FROM "Customer" WHERE id = $1`,
    [customer.id],
  );
  expect(stored.billingRules).toEqual({ mergeGapMinutes: 5 });

  await gap.fill("");
  await form.getByRole("button", { name: "Salva le regole" }).click();
  // The second save shows the same status text as the first, so the database is polled instead.
  await expect
    .poll(async () => {
      const [row] = await queryDb<{ billingRules: unknown }>(
        `SELECT "billingRules" FROM "Customer" WHERE id = $1`,
        [customer.id],
      );

      return row.billingRules;
    })
    .toBeNull();
});
