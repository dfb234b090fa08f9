import { expect, test } from "@playwright/test";

import { italianMinutes, queryDb, signIn } from "./helpers";

test("[lookup] operator finds a customer by code and sees the residual", async ({ page }) => {
  const [customer] = await queryDb<{ code: string; name: string; balanceMinutes: number }>(
    `SELECT code, name, "balanceMinutes" FROM "Customer"
     WHERE "billingMode" = 'PREPAID' AND "balanceMinutes" > 0 ORDER BY code LIMIT 1`,
  );
  await signIn(page, "OPERATOR");
  await page.goto("/lookup");

  await page
    .getByRole("searchbox", { name: "Codice o ragione sociale del cliente" })
    .fill(customer.code);

  const result = page.getByTestId("lookup-result").first();
  await expect(result).toContainText(customer.name);
  await expect(result.getByTestId("lookup-balance")).toHaveText(
    italianMinutes(customer.balanceMinutes),
  );
});

test("[lookup] an exhausted prepaid customer shows a warning", async ({ page }) => {
  const [customer] = await queryDb<{ code: string; balanceMinutes: number }>(
    `SELECT code, "balanceMinutes" FROM "Customer"
     WHERE "billingMode" = 'PREPAID' AND "balanceMinutes" <= 0 ORDER BY code LIMIT 1`,
  );
  expect(customer, "the demo data must contain an exhausted prepaid customer").toBeDefined();
  await signIn(page, "OPERATOR");
  await page.goto("/lookup");

  await page.getByRole("searchbox").fill(customer.code);

  const result = page.getByTestId("lookup-result").first();
  await expect(result.getByTestId("lookup-balance")).toHaveText(
    italianMinutes(customer.balanceMinutes),
  );
  await expect(result.getByRole("alert")).toContainText("Credito esaurito");
});

test("[lookup] a prepaid customer below its threshold shows a low-balance warning", async ({
  page,
}) => {
  const [customer] = await queryDb<{ code: string }>(
    `SELECT code FROM "Customer"
     WHERE "billingMode" = 'PREPAID' AND "lowBalanceKind" = 'MINUTES'
       AND "balanceMinutes" > 0 AND "balanceMinutes" < "lowBalanceThreshold"
     ORDER BY code LIMIT 1`,
  );
  expect(customer, "the demo data must contain a customer below its threshold").toBeDefined();
  await signIn(page, "OPERATOR");
  await page.goto("/lookup");

  await page.getByRole("searchbox").fill(customer.code);

  await expect(page.getByTestId("lookup-result").first().getByRole("alert")).toContainText(
    "Saldo basso",
  );
});

test("[lookup] a search matching nobody says so", async ({ page }) => {
  await signIn(page, "OPERATOR");
  await page.goto("/lookup");

  await page.getByRole("searchbox").fill("zzz-nessuno");

  await expect(page.getByText("Nessun cliente trovato per «zzz-nessuno».")).toBeVisible();
});
