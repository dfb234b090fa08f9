import { expect, type Page, test } from "@playwright/test";

import { italianMinutes, queryDb, signIn } from "./helpers";

interface CustomerRow {
  id: string;
  code: string;
  name: string;
  balanceMinutes: number;
}

async function prepaidCustomer(offset: number): Promise<CustomerRow> {
  const [customer] = await queryDb<CustomerRow>(
    `SELECT id, code, name, "balanceMinutes" FROM "Customer"
     WHERE "billingMode" = 'PREPAID' ORDER BY code OFFSET $1 LIMIT 1`,
    [offset],
  );

  return customer;
}

async function ledgerState(customerId: string) {
  const [row] = await queryDb<{ balance: number; total: string; entries: string }>(
    `SELECT c."balanceMinutes" AS balance,
            (SELECT coalesce(sum(minutes), 0) FROM "LedgerEntry" WHERE "customerId" = c.id) AS total,
            (SELECT count(*) FROM "LedgerEntry" WHERE "customerId" = c.id) AS entries
     FROM "Customer" c WHERE c.id = $1`,
    [customerId],
  );

  return { balance: row.balance, ledgerSum: Number(row.total), entries: Number(row.entries) };
}

async function submitEntry(page: Page, entry: { kind: string; minutes: string; comment?: string }) {
  const form = page.getByRole("form", { name: "Registra un movimento" });
  await form.getByLabel("Tipo di movimento").selectOption({ label: entry.kind });
  await form.getByLabel("Minuti", { exact: true }).fill(entry.minutes);
  await form.getByLabel("Commento").fill(entry.comment ?? "");
  await form.getByRole("button", { name: "Registra" }).click();
}

test("[customers] admin records a top-up and sees the balance change", async ({ page }) => {
  const customer = await prepaidCustomer(0);
  await signIn(page, "ADMIN");
  await page.goto(`/customers/${customer.id}`);
  await expect(page.getByTestId("customer-balance")).toHaveText(
    italianMinutes(customer.balanceMinutes),
  );

  await submitEntry(page, {
    kind: "Ricarica teleassistenza",
    minutes: "1200",
    comment: "Pacchetto e2e",
  });

  const expected = customer.balanceMinutes + 1200;
  await expect(page.locator("form").getByRole("status")).toHaveText(
    `Movimento registrato. Nuovo saldo: ${italianMinutes(expected)} minuti.`,
  );
  await expect(page.getByTestId("customer-balance")).toHaveText(italianMinutes(expected));
  const newest = page.getByTestId("ledger-table").locator("tbody tr").first();
  await expect(newest).toContainText("+1.200");
  await expect(newest).toContainText("Pacchetto e2e");
  await expect(newest).toContainText("Anna Amministratrice");

  const state = await ledgerState(customer.id);
  expect(state.balance).toBe(expected);
  expect(state.ledgerSum).toBe(expected);
});

test("[customers] a negative adjustment lowers the balance", async ({ page }) => {
  const customer = await prepaidCustomer(1);
  await signIn(page, "ADMIN");
  await page.goto(`/customers/${customer.id}`);

  await submitEntry(page, { kind: "Variazione saldo", minutes: "-15", comment: "Correzione" });

  const expected = customer.balanceMinutes - 15;
  await expect(page.getByTestId("customer-balance")).toHaveText(italianMinutes(expected));
  expect((await ledgerState(customer.id)).ledgerSum).toBe(expected);
});

test("[customers] invalid entries show a message and change nothing", async ({ page }) => {
  const customer = await prepaidCustomer(2);
  const before = await ledgerState(customer.id);
  await signIn(page, "ADMIN");
  await page.goto(`/customers/${customer.id}`);
  // Next.js renders an empty route announcer with role "alert", so the search stays in the form.
  const alert = page.locator("form").getByRole("alert");

  await submitEntry(page, { kind: "Ricarica teleassistenza", minutes: "-60" });
  await expect(alert).toHaveText("Per questo tipo di movimento i minuti devono essere positivi.");

  await submitEntry(page, { kind: "Ricarica teleassistenza", minutes: "sessanta" });
  await expect(alert).toHaveText("Inserisci i minuti come numero intero, per esempio 60.");

  await submitEntry(page, { kind: "Variazione saldo", minutes: "0" });
  await expect(alert).toHaveText("I minuti non possono essere zero.");

  await submitEntry(page, { kind: "Ricarica teleassistenza", minutes: "" });
  await expect(alert).toHaveText("Inserisci i minuti.");

  await submitEntry(page, { kind: "Ricarica teleassistenza", minutes: "0x10" });
  await expect(alert).toHaveText("Inserisci i minuti come numero intero, per esempio 60.");

  await submitEntry(page, { kind: "Ricarica teleassistenza", minutes: "12.5" });
  await expect(alert).toHaveText("I minuti devono essere un numero intero.");

  expect(await ledgerState(customer.id)).toEqual(before);
  await expect(page.getByTestId("customer-balance")).toHaveText(italianMinutes(before.balance));
});

test("[customers] search by code or name, with pagination", async ({ page }) => {
  const customer = await prepaidCustomer(3);
  await signIn(page, "MANAGER");

  await page.goto("/customers");
  const pagination = page.getByRole("navigation", { name: "Paginazione" });
  await expect(pagination.getByText("Pagina 1 di")).toBeVisible();
  await pagination.getByRole("link", { name: "Successiva" }).click();
  await expect(page).toHaveURL(/page=2/);

  await page
    .getByRole("searchbox", { name: "Cerca per codice o ragione sociale" })
    .fill(customer.code);
  await page.getByRole("button", { name: "Cerca" }).click();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(customer.name);
  await expect(rows.first()).toContainText(italianMinutes(customer.balanceMinutes));

  const word = customer.name.split(" ")[0];
  await page.getByRole("searchbox").fill(word.toLowerCase());
  await page.getByRole("button", { name: "Cerca" }).click();
  await expect(page.getByRole("link", { name: customer.name })).toBeVisible();

  await page.getByRole("searchbox").fill("zzz-no-such-customer");
  await page.getByRole("button", { name: "Cerca" }).click();
  await expect(page.getByText("Nessun cliente corrisponde alla ricerca.")).toBeVisible();
});

test("[customers] manager sees history but no entry form", async ({ page }) => {
  const customer = await prepaidCustomer(4);
  await signIn(page, "MANAGER");
  await page.goto(`/customers/${customer.id}`);

  await expect(page.getByTestId("ledger-table").locator("tbody tr").first()).toBeVisible();
  await expect(page.getByRole("form", { name: "Registra un movimento" })).toHaveCount(0);
});
