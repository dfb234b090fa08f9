import { expect, type Locator, type Page, test } from "@playwright/test";

import { italianMinutes, queryDb, signIn } from "./helpers";

// Three whole months of the demo data, which ends on 30 November 2026.
const PERIOD = { from: "2026-09-01", to: "2026-11-30" };

function dashboardUrl(granularity: string, period = PERIOD) {
  return `/dashboard?${new URLSearchParams({ ...period, granularity })}`;
}

function bars(chart: Locator): Locator {
  return chart.locator(".recharts-bar-rectangle");
}

// Bars of one series: recharts draws one layer per series, in the order of the legend.
function seriesBars(chart: Locator, series: number): Locator {
  return chart.locator(".recharts-bar").nth(series).locator(".recharts-bar-rectangle rect");
}

async function openDashboard(page: Page, granularity: string) {
  await page.goto(dashboardUrl(granularity));
  await expect(page.getByRole("heading", { name: "Cruscotto" })).toBeVisible();
}

test("[dashboard] manager switches day, week and month", async ({ page }) => {
  await signIn(page, "MANAGER");
  await openDashboard(page, "day");
  const usage = page.getByTestId("chart-usage");
  const switcher = page.getByRole("navigation", { name: "Raggruppa per" });

  // 91 days, 14 ISO weeks (1 September 2026 is a Tuesday) and 3 months, two series each.
  await expect(bars(usage)).toHaveCount(91 * 2);
  await expect(usage.locator(".recharts-cartesian-axis-tick-value").first()).toHaveText("01/09");

  await switcher.getByRole("link", { name: "Settimana" }).click();
  await expect(page).toHaveURL(/granularity=week/);
  await expect(bars(usage)).toHaveCount(14 * 2);
  await expect(switcher.getByRole("link", { name: "Settimana" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  await switcher.getByRole("link", { name: "Mese" }).click();
  await expect(page).toHaveURL(/granularity=month/);
  await expect(bars(usage)).toHaveCount(3 * 2);
  await expect(page.getByTestId("chart-sessions").locator(".recharts-bar-rectangle")).toHaveCount(
    3,
  );

  const [totals] = await queryDb<{ consumed: string; sold: string }>(
    `SELECT sum("consumedMinutes") AS consumed, sum("soldMinutes") AS sold FROM "DailyTotal"
     WHERE day BETWEEN $1 AND $2`,
    [PERIOD.from, PERIOD.to],
  );
  await expect(page.getByTestId("number-consumed")).toContainText(
    italianMinutes(Number(totals.consumed)),
  );
  await expect(page.getByTestId("number-sold")).toContainText(italianMinutes(Number(totals.sold)));
  await page.screenshot({ path: "test-results/dashboard-month.png", fullPage: true });
});

test("[dashboard] a customer's bar opens that customer's sessions", async ({ page }) => {
  await signIn(page, "MANAGER");
  await openDashboard(page, "month");

  // The customer that consumed most in the period, as the chart ranks it, and its first month
  // with consumption.
  const [top] = await queryDb<{ id: string; code: string }>(
    `SELECT c.id, c.code FROM "DailyTotal" t JOIN "Customer" c ON c.id = t."customerId"
     WHERE t.day BETWEEN $1 AND $2 AND t."consumedMinutes" <> 0
     GROUP BY c.id, c.code ORDER BY sum(t."consumedMinutes") DESC, c.code LIMIT 1`,
    [PERIOD.from, PERIOD.to],
  );
  const months = await queryDb<{ month: string; consumed: string }>(
    `SELECT to_char(date_trunc('month', day), 'YYYY-MM') AS month,
       sum("consumedMinutes") AS consumed
     FROM "DailyTotal" WHERE "customerId" = $1 AND day BETWEEN $2 AND $3
     GROUP BY 1 ORDER BY 1`,
    [top.id, PERIOD.from, PERIOD.to],
  );
  const index = ["2026-09", "2026-10", "2026-11"].findIndex((month) =>
    months.some((row) => row.month === month && Number(row.consumed) > 0),
  );
  const month = ["2026-09", "2026-10", "2026-11"][index];
  const consumed = Number(months.find((row) => row.month === month)?.consumed);

  await seriesBars(page.getByTestId("chart-customers"), 0).nth(index).click();

  await expect(page).toHaveURL(/\/sessions\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get("customer")).toBe(top.code);
  expect(url.searchParams.get("from")).toBe(`${month}-01`);
  expect(url.searchParams.get("status")).toBe("CLOSED");
  await expect(page.getByTestId("total-billed-minutes")).toHaveText(italianMinutes(consumed));
  await expect(page.getByTestId("sessions-table")).toContainText(top.code);
});

test("[dashboard] a day's bar opens the sessions of that day", async ({ page }) => {
  await signIn(page, "ADMIN");
  await page.goto(dashboardUrl("day", { from: "2026-11-02", to: "2026-11-08" }));

  await seriesBars(page.getByTestId("chart-sessions"), 0).nth(2).click();

  await expect(page).toHaveURL(/\/sessions\?from=2026-11-04&to=2026-11-04&status=CLOSED$/);
  await expect(page.getByTestId("total-sessions")).not.toHaveText("0");
});

test("[dashboard] invalid periods show a message and no charts", async ({ page }) => {
  await signIn(page, "MANAGER");
  const cases = [
    [{ from: "2026-11-30", to: "2026-11-01", granularity: "day" }, "è precedente"],
    [{ from: "2099-01-01", to: "2099-01-31", granularity: "day" }, "dopo oggi"],
    [{ from: "2024-01-01", to: "2026-11-30", granularity: "month" }, "il massimo è 366"],
    [{ from: "2026-11-01", to: "2026-11-30", granularity: "quarter" }, "Raggruppamento"],
    [{ from: "", to: "2026-11-30", granularity: "day" }, "Indica la data"],
  ] as const;

  for (const [params, message] of cases) {
    const response = await page.goto(`/dashboard?${new URLSearchParams(params)}`);

    expect(response?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
    await expect(page.getByTestId("chart-usage")).toHaveCount(0);
  }
});

test("[dashboard] chart data downloads as CSV and Excel", async ({ page }) => {
  await signIn(page, "MANAGER");
  await openDashboard(page, "month");
  const usage = page.getByTestId("chart-usage");

  const [csvDownload] = await Promise.all([
    page.waitForEvent("download"),
    usage.getByRole("link", { name: "Scarica CSV" }).click(),
  ]);
  const csv = await (await csvDownload.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  const [november] = await queryDb<{ consumed: string; sold: string }>(
    `SELECT sum("consumedMinutes") AS consumed, sum("soldMinutes") AS sold FROM "DailyTotal"
     WHERE day BETWEEN '2026-11-01' AND '2026-11-30'`,
  );

  expect(text.startsWith("\uFEFFInizio;Fine;Consumati;Venduti\r\n")).toBe(true);
  expect(text).toContain(`01/11/2026;30/11/2026;${november.consumed};${november.sold}\r\n`);

  const [xlsxDownload] = await Promise.all([
    page.waitForEvent("download"),
    usage.getByRole("link", { name: "Scarica Excel" }).click(),
  ]);
  expect(xlsxDownload.suggestedFilename()).toBe(
    "cruscotto-usage_2026-09-01_2026-11-30_month.xlsx",
  );
  const xlsx = Buffer.concat(await (await xlsxDownload.createReadStream()).toArray());
  expect(xlsx.subarray(0, 2).toString()).toBe("PK");

  const invalid = await page.request.get("/api/dashboard/export?chart=pie&format=csv");
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).error.message).toContain("pie");
});

test("[dashboard] operators cannot open the dashboard", async ({ page }) => {
  await signIn(page, "OPERATOR");

  const response = await page.goto("/dashboard");
  expect(response?.status()).toBe(403);
  const download = await page.request.get(
    `/api/dashboard/export?${new URLSearchParams({ ...PERIOD, granularity: "month", chart: "usage", format: "csv" })}`,
  );
  expect(download.status()).toBe(403);
});
