import { expect, test } from "@playwright/test";

import { DEMO_ACCOUNTS } from "./environment";
import { queryDb, signIn } from "./helpers";

const NAVIGATION = {
  ADMIN: [
    "Consultazione saldo",
    "Cruscotto",
    "Console",
    "Da assegnare",
    "Teleassistenze",
    "Clienti",
    "Report",
    "Chiusura consuntivi",
    "Modelli dei report",
    "Importa anagrafica",
    "Importa teleassistenze",
    "Saldi iniziali",
    "Regole fatturazione",
    "Chiavi API",
    "Utenti",
    "Registro attività",
  ],
  MANAGER: ["Consultazione saldo", "Cruscotto", "Teleassistenze", "Clienti", "Report"],
  OPERATOR: ["Consultazione saldo", "Console", "Da assegnare", "Teleassistenze"],
} as const;

test("[auth] admin signs in through the form", async ({ page }) => {
  await page.goto("/customers");
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Email").fill(DEMO_ACCOUNTS.ADMIN.email);
  await page.getByLabel("Password").fill(DEMO_ACCOUNTS.ADMIN.password);
  await page.getByRole("button", { name: "Accedi" }).click();

  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByTestId("current-user")).toContainText("Amministratore");
});

test("[auth] sign-in page loads without console errors", async ({ page }) => {
  // A missing favicon shows up here, as Chromium reports its 404 only to the console.
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} ${message.location().url}`);
  });

  await page.goto("/login");
  await page.waitForLoadState("networkidle");

  expect(errors).toEqual([]);
  await expect(page.getByRole("group", { name: "Lingua" })).toBeVisible();
});

for (const role of ["ADMIN", "MANAGER", "OPERATOR"] as const) {
  test(`[auth] ${role.toLowerCase()} sees only its navigation`, async ({ page }) => {
    await signIn(page, role);
    await page.goto("/");

    const links = page.getByRole("navigation", { name: "Menu principale" }).getByRole("link");
    await expect(links).toHaveText([...NAVIGATION[role]]);
  });
}

test("[auth] wrong password, unknown user and empty fields are rejected", async ({ page }) => {
  await page.goto("/login");
  // Next.js renders an empty route announcer with role "alert", so the search stays in the form.
  const alert = page.locator("form").getByRole("alert");

  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(alert).toHaveText("Inserisci email e password.");

  await page.getByLabel("Email").fill(DEMO_ACCOUNTS.ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(alert).toHaveText("Email o password non corrette.");

  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("whatever");
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(alert).toHaveText("Email o password non corrette.");
  await expect(page).toHaveURL(/\/login/);
});

test("[auth] repeated failures for one email are rate-limited", async ({ page }) => {
  await page.goto("/login");
  const email = "rate-limit-target@example.com";

  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`guess-${attempt}`);
    await page.getByRole("button", { name: "Accedi" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText(
      "Email o password non corrette.",
    );
  }

  await page.getByLabel("Password").fill("guess-6");
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("Troppi tentativi");
});

test("[auth] operator gets 403 for admin pages and actions, and nothing changes", async ({
  page,
}) => {
  const [customer] = await queryDb<{ id: string; balanceMinutes: number }>(
    `SELECT id, "balanceMinutes" FROM "Customer" ORDER BY code LIMIT 1`,
  );
  const [{ count: entriesBefore }] = await queryDb<{ count: string }>(
    `SELECT count(*) FROM "LedgerEntry"`,
  );
  await signIn(page, "OPERATOR");

  const pageResponse = await page.goto("/customers");
  expect(pageResponse?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Accesso negato" })).toBeVisible();

  const apiResponse = await page.request.post(`/api/customers/${customer.id}/ledger-entries`, {
    data: { kind: "TOP_UP", minutes: 600 },
  });
  expect(apiResponse.status()).toBe(403);
  expect((await apiResponse.json()).error.code).toBe("FORBIDDEN");

  const [after] = await queryDb<{ balanceMinutes: number }>(
    `SELECT "balanceMinutes" FROM "Customer" WHERE id = $1`,
    [customer.id],
  );
  const [{ count: entriesAfter }] = await queryDb<{ count: string }>(
    `SELECT count(*) FROM "LedgerEntry"`,
  );
  expect(after.balanceMinutes).toBe(customer.balanceMinutes);
  expect(entriesAfter).toBe(entriesBefore);
});

test("[auth] anonymous API calls get 401", async ({ request }) => {
  const response = await request.get("/api/lookup?q=C0", { maxRedirects: 0 });

  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
});
