import { readFileSync } from "node:fs";

import { expect, test } from "@playwright/test";
import JSZip from "jszip";

import { queryDb, signIn } from "./helpers";

const PERIOD = { from: "2026-11-01", to: "2026-11-30" };

// Customers whose November statement has entries or a non-zero balance, as the ZIP includes them.
async function customersWithStatements(): Promise<string[]> {
  const rows = await queryDb<{ code: string }>(
    `SELECT c.code FROM "Customer" c
     JOIN "LedgerEntry" e ON e."customerId" = c.id
     WHERE e."occurredAt" < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Rome')
     GROUP BY c.code
     HAVING count(*) FILTER (WHERE e."occurredAt" >= ($1::date)::timestamp AT TIME ZONE 'Europe/Rome') > 0
        OR SUM(e.minutes) FILTER (WHERE e."occurredAt" < ($1::date)::timestamp AT TIME ZONE 'Europe/Rome') <> 0
        OR SUM(e.minutes) <> 0
     ORDER BY c.code`,
    [PERIOD.from, PERIOD.to],
  );

  return rows.map((row) => row.code);
}

test("[reports] admin downloads the ZIP of all statements", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "ADMIN");
  await page.goto(`/reports?from=${PERIOD.from}&to=${PERIOD.to}`);

  await page.getByRole("button", { name: "ZIP di tutti gli estratti conto (PDF)" }).click();
  const row = page.getByTestId("export-job").first();
  await expect(row).toContainText("Tutti gli estratti conto (ZIP)");
  await expect(row.getByRole("status")).toContainText(/In coda|In corso/);
  await expect(row.getByRole("status")).toHaveText("Completata", { timeout: 150_000 });
  await page.screenshot({ path: "test-results/export-jobs-done.png", fullPage: true });

  const link = row.getByRole("link", { name: /estratti-conto_2026-11-01_2026-11-30\.zip/ });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("estratti-conto_2026-11-01_2026-11-30.zip");
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  const names = Object.keys(zip.files).sort();
  const expected = await customersWithStatements();

  expect(names).toEqual(
    expected.map((code) => `estratto-conto_${code}_2026-11-01_2026-11-30.pdf`).sort(),
  );
  for (const name of names) {
    const bytes = await zip.file(name)?.async("nodebuffer");
    expect(bytes?.subarray(0, 5).toString()).toBe("%PDF-");
  }
});

test("[reports] manager cannot open an admin's export", async ({ page, browser }) => {
  await signIn(page, "ADMIN");
  const created = await page.request.post("/api/export-jobs", {
    data: { type: "report", report: "sessions", format: "csv", ...PERIOD, customer: "all" },
  });
  expect(created.status()).toBe(202);
  const { job } = (await created.json()) as { job: { id: string } };

  const managerPage = await browser.newPage();
  await signIn(managerPage, "MANAGER");
  await managerPage.goto(`/reports?from=${PERIOD.from}&to=${PERIOD.to}`);
  await expect(managerPage.getByRole("button", { name: /Prepara CSV/ })).toBeVisible();
  await expect(managerPage.getByRole("button", { name: /ZIP di tutti/ })).toHaveCount(0);

  const foreign = await managerPage.request.get(`/api/export-jobs/${job.id}/download`);
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error.reason).toBe("exports.notOwner");

  const reversed = await managerPage.request.post("/api/export-jobs", {
    data: {
      type: "report",
      report: "sessions",
      format: "csv",
      from: "2026-11-30",
      to: "2026-11-01",
    },
  });
  expect(reversed.status()).toBe(400);
  expect((await reversed.json()).error.message).toContain("precede");
  await managerPage.close();
});

test("[reports] expired export has no download link", async ({ page }) => {
  await signIn(page, "MANAGER");
  const created = await page.request.post("/api/export-jobs", {
    data: { type: "report", report: "top-ups", format: "csv", ...PERIOD, customer: "all" },
  });
  expect(created.status()).toBe(202);
  const { job } = (await created.json()) as { job: { id: string } };
  await expect
    .poll(async () => {
      const response = await page.request.get(`/api/export-jobs/${job.id}`);

      return ((await response.json()) as { job: { status: string } }).job.status;
    })
    .toBe("DONE");

  // Pruning runs only every ten minutes, so the test changes the row as pruning would.
  await queryDb(`UPDATE "ExportJob" SET status = 'EXPIRED', "fileKey" = NULL WHERE id = $1`, [
    job.id,
  ]);
  await page.goto(`/reports?from=${PERIOD.from}&to=${PERIOD.to}`);
  const row = page.getByTestId("export-job").first();

  await expect(row.getByRole("status")).toHaveText("Scaduta");
  await expect(row).toContainText("File eliminato al termine del periodo di conservazione");
  await expect(row.getByRole("link")).toHaveCount(0);

  const download = await page.request.get(`/api/export-jobs/${job.id}/download`);
  expect(download.status()).toBe(410);
  expect((await download.json()).error.reason).toBe("exports.expired");
});
