import path from "node:path";

import { expect, test } from "@playwright/test";

import { queryDb, signIn } from "./helpers";

const ANPR_SAMPLE = path.resolve("..", "shared", "samples", "anpr-comuni.csv");

async function customerCount(): Promise<number> {
  const [{ count }] = await queryDb<{ count: string }>(`SELECT count(*) FROM "Customer"`);

  return Number(count);
}

test("[imports] admin imports the national registry sample, twice", async ({ page }) => {
  const before = await customerCount();
  await signIn(page, "ADMIN");
  await page.goto("/imports/registry");

  await page.getByLabel("File CSV").setInputFiles(ANPR_SAMPLE);
  await expect(page.getByTestId("file-summary")).toContainText("19.352");
  await page.getByTestId("mapping-code").selectOption("CODCATASTALE");
  await page.getByTestId("mapping-name").selectOption("DENOMINAZIONE_IT");
  await page.getByTestId("mapping-province").selectOption("SIGLAPROVINCIA");
  await page.getByTestId("filter-column").selectOption("STATO");
  await page.getByTestId("filter-value").fill("A");
  await page.getByRole("button", { name: "Anteprima", exact: true }).click();

  await expect(page.getByTestId("count-new")).toContainText("7.901");
  await expect(page.getByTestId("count-rejected")).toContainText("0");
  await page.getByRole("button", { name: "Importa", exact: true }).click();
  await expect(page.getByTestId("import-result")).toContainText("Nuovi: 7.901");

  expect(await customerCount()).toBe(before + 7901);
  const [aglie] = await queryDb<{ name: string; province: string }>(
    `SELECT name, province FROM "Customer" WHERE code = 'A074'`,
  );
  expect(aglie).toEqual({ name: "AGLIÈ", province: "TO" });

  await page.goto("/customers?q=A074");
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr").first()).toContainText("AGLIÈ");

  // The same file again: everything is unchanged and nothing is created.
  await page.goto("/imports/registry");
  await page.getByLabel("File CSV").setInputFiles(ANPR_SAMPLE);
  await page.getByTestId("mapping-code").selectOption("CODCATASTALE");
  await page.getByTestId("mapping-name").selectOption("DENOMINAZIONE_IT");
  await page.getByTestId("mapping-province").selectOption("SIGLAPROVINCIA");
  await page.getByTestId("filter-column").selectOption("STATO");
  await page.getByTestId("filter-value").fill("A");
  await page.getByRole("button", { name: "Anteprima", exact: true }).click();
  await expect(page.getByTestId("count-new")).toContainText("0");
  await expect(page.getByTestId("count-unchanged")).toContainText("7.901");
  await page.getByRole("button", { name: "Importa", exact: true }).click();
  await expect(page.getByTestId("import-result")).toContainText("Nuovi: 0");

  expect(await customerCount()).toBe(before + 7901);
});

test("[imports] a file that is not CSV is rejected with a message", async ({ page }) => {
  const before = await customerCount();
  await signIn(page, "ADMIN");
  await page.goto("/imports/registry");

  await page.getByLabel("File CSV").setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  });

  await expect(page.getByTestId("import-error")).toContainText("Il file non è un CSV di testo");
  expect(await customerCount()).toBe(before);
});

test("[imports] an operator cannot reach the import", async ({ page }) => {
  await signIn(page, "OPERATOR");

  const response = await page.goto("/imports/registry");
  expect(response?.status()).toBe(403);

  const api = await page.request.post("/api/imports/registry/commit", {
    multipart: { mapping: "{}" },
  });
  expect(api.status()).toBe(403);
});
