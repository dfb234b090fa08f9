import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";

// A raw action key such as `postpaid.close` or an entity type such as `BillingMonth`.
const RAW_KEY = /^[a-z]+(\.[a-zA-Z]+)+$|^[A-Z][a-z]+[A-Z][A-Za-z]*$/;

test("[audit] actions and entities are translated", async ({ page }) => {
  await signIn(page, "ADMIN");
  await page.goto("/audit");

  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  const actions = await rows.locator("td:nth-child(3)").allInnerTexts();
  const entities = await rows
    .locator("td:nth-child(4)")
    .evaluateAll((cells) => cells.map((cell) => cell.firstChild?.textContent?.trim() ?? ""));
  await page.screenshot({ path: "test-results/audit-labels.png", fullPage: true });

  expect(actions.length).toBeGreaterThan(0);
  expect(actions.filter((action) => RAW_KEY.test(action.trim()))).toEqual([]);
  expect(entities.filter((entity) => RAW_KEY.test(entity))).toEqual([]);
});
