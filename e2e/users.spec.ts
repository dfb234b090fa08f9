import { expect, test } from "@playwright/test";

import { queryDb, signIn } from "./helpers";

test("[users] invited user signs in with the temporary password and must change it", async ({
  page,
  browser,
}) => {
  const email = `invited-${Date.now()}@example.com`;
  await signIn(page, "ADMIN");
  await page.goto("/settings/users");

  const form = page.getByRole("form", { name: "Nuovo utente" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Nome e cognome").fill("Nuova Operatrice");
  await form.getByLabel("Ruolo").selectOption("OPERATOR");
  await form.getByRole("button", { name: "Crea utente" }).click();
  const temporaryPassword = (await page.getByTestId("temporary-password").textContent()) ?? "";
  expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{5}-[A-Za-z2-9]{5}-[A-Za-z2-9]{5}$/);
  await expect(page.getByTestId("user-row").filter({ hasText: email })).toContainText(
    "password temporanea",
  );
  await page.screenshot({ path: "test-results/users-page.png", fullPage: true });

  const invited = await browser.newContext();
  const invitedPage = await invited.newPage();
  await invitedPage.goto("/login");
  await invitedPage.getByLabel("Email").fill(email);
  await invitedPage.getByLabel("Password").fill(temporaryPassword);
  await invitedPage.getByRole("button", { name: "Accedi" }).click();
  await expect(invitedPage).toHaveURL(/\/account$/);
  await expect(invitedPage.getByRole("note")).toContainText("password temporanea");

  // Every other page and route sends the user back until the password is changed.
  await invitedPage.goto("/lookup");
  await expect(invitedPage).toHaveURL(/\/account$/);
  const apiResponse = await invitedPage.request.get("/api/lookup?q=C0");
  expect(apiResponse.status()).toBe(403);
  await invitedPage.screenshot({ path: "test-results/account-page.png", fullPage: true });

  const passwordForm = invitedPage.getByRole("form", { name: "Cambia password" });
  await passwordForm.getByLabel("Password attuale").fill(temporaryPassword);
  await passwordForm.getByLabel("Nuova password", { exact: true }).fill("short");
  await passwordForm.getByLabel("Ripeti la nuova password").fill("short");
  await passwordForm.getByRole("button", { name: "Cambia password" }).click();
  await expect(passwordForm.getByText("La password deve avere almeno 10 caratteri.")).toBeVisible();

  await passwordForm.getByLabel("Nuova password", { exact: true }).fill("my-own-password-2026");
  await passwordForm.getByLabel("Ripeti la nuova password").fill("my-own-password-2026");
  await passwordForm.getByRole("button", { name: "Cambia password" }).click();
  await expect(invitedPage).toHaveURL(/\/lookup$/);

  const [stored] = await queryDb<{ mustChangePassword: boolean }>(
    `SELECT "mustChangePassword" FROM "User" WHERE email = $1`,
    [email],
  );
  expect(stored.mustChangePassword).toBe(false);

  // Deactivation ends the invited user's open session at the next request.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.reload();
  await page
    .getByTestId("user-row")
    .filter({ hasText: email })
    .getByRole("button", { name: "Disattiva" })
    .click();
  await expect(page.getByTestId("user-row").filter({ hasText: email })).toContainText(
    "Disattivato",
  );
  await invitedPage.goto("/lookup");
  await expect(invitedPage).toHaveURL(/\/login/);
  await invited.close();

  await page.goto(`/audit?entity=User`);
  const rows = page.getByTestId("audit-row");
  await expect(rows.filter({ hasText: "Utente creato" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Password cambiata" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Utente disattivato" })).toContainText("true");
  await page.screenshot({ path: "test-results/audit-page.png", fullPage: true });
});

test("[users] the only administrator cannot demote themselves", async ({ page }) => {
  await signIn(page, "ADMIN");
  await page.goto("/settings/users");

  const row = page.getByTestId("user-row").filter({ hasText: "admin@example.com" });
  await row.getByRole("combobox").selectOption("OPERATOR");

  await expect(page.getByRole("alert").filter({ hasText: "unico amministratore" })).toBeVisible();
  await expect(row.getByRole("combobox")).toHaveValue("ADMIN");
  const [admin] = await queryDb<{ role: string }>(
    `SELECT role FROM "User" WHERE email = 'admin@example.com'`,
  );
  expect(admin.role).toBe("ADMIN");
});

test("[users] operator gets 403 on users and the audit trail shows nothing changed", async ({
  page,
}) => {
  const [{ count: eventsBefore }] = await queryDb<{ count: string }>(
    `SELECT count(*) FROM "AuditEvent"`,
  );
  const [admin] = await queryDb<{ id: string }>(
    `SELECT id FROM "User" WHERE email = 'admin@example.com'`,
  );
  await signIn(page, "OPERATOR");

  for (const path of ["/settings/users", "/audit"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
  }
  const invite = await page.request.post("/api/users", {
    data: { email: "intruder@example.com", name: "Intruder", role: "ADMIN" },
  });
  const demote = await page.request.patch(`/api/users/${admin.id}`, {
    data: { role: "OPERATOR" },
  });
  expect(invite.status()).toBe(403);
  expect(demote.status()).toBe(403);
  expect((await demote.json()).error.code).toBe("FORBIDDEN");

  const [{ count: eventsAfter }] = await queryDb<{ count: string }>(
    `SELECT count(*) FROM "AuditEvent"`,
  );
  const intruders = await queryDb(`SELECT id FROM "User" WHERE email = 'intruder@example.com'`);
  const [stored] = await queryDb<{ role: string }>(`SELECT role FROM "User" WHERE id = $1`, [
    admin.id,
  ]);
  expect(eventsAfter).toBe(eventsBefore);
  expect(intruders).toHaveLength(0);
  expect(stored.role).toBe("ADMIN");
});
