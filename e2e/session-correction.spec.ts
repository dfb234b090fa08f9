import { expect, type Page, test } from "@playwright/test";

import { italianMinutes, queryDb, signIn } from "./helpers";

interface ClosedSession {
  id: string;
  code: string;
  billedMinutes: number;
  customerId: string;
  customerCode: string;
  // Start day in the business time zone, as the list's filters expect it.
  day: string;
}

/**
 * Returns a closed, billed session that bills on its own: no merged reconnections, no session of
 * the same customer within an hour (so no neighbour is rebilled), and ledger entries that draw
 * exactly its billed minutes. Its correction then changes the balance by exactly those minutes.
 * Customers are taken from the end of the code order, away from the ones the other specs change.
 */
async function billedSession(offset: number): Promise<ClosedSession> {
  const [session] = await queryDb<ClosedSession>(
    `SELECT s.id, s.code, s."billedMinutes", c.id AS "customerId", c.code AS "customerCode",
            to_char(s."startedAt" AT TIME ZONE 'Europe/Rome', 'DD/MM/YYYY') AS day
     FROM "Session" s JOIN "Customer" c ON c.id = s."customerId"
     WHERE s.status = 'CLOSED' AND s.billable AND s."billedMinutes" > 0
       AND (s."billingRule" IS NULL OR s."billingRule"->>'kind' IN ('ROUNDED', 'MINIMUM'))
       AND coalesce(jsonb_array_length(s."billingRule"->'mergedCodes'), 0) = 0
       AND NOT EXISTS (
         SELECT 1 FROM "Session" o
         WHERE o."customerId" = s."customerId" AND o.id <> s.id
           AND o."endedAt" >= s."startedAt" - interval '1 hour'
           AND o."startedAt" <= s."endedAt" + interval '1 hour')
       AND (SELECT -sum(l.minutes) FROM "LedgerEntry" l WHERE l."sessionId" = s.id)
           = s."billedMinutes"
     ORDER BY c.code DESC, s."startedAt" DESC OFFSET $1 LIMIT 1`,
    [offset],
  );
  expect(session).toBeDefined();

  return session;
}

async function stateOf(session: ClosedSession) {
  const [row] = await queryDb<{
    billable: boolean;
    billedMinutes: number;
    balance: number;
    ledgerSum: string;
    entries: number;
  }>(
    `SELECT s.billable, s."billedMinutes", c."balanceMinutes" AS balance,
            (SELECT coalesce(sum(minutes), 0) FROM "LedgerEntry" WHERE "customerId" = c.id)
              AS "ledgerSum",
            (SELECT count(*)::int FROM "LedgerEntry" WHERE "sessionId" = s.id) AS entries
     FROM "Session" s JOIN "Customer" c ON c.id = $2 WHERE s.id = $1`,
    [session.id, session.customerId],
  );

  return { ...row, ledgerSum: Number(row.ledgerSum) };
}

async function openSessionRow(page: Page, session: ClosedSession) {
  const params = new URLSearchParams({
    from: session.day,
    to: session.day,
    customer: session.customerCode,
    status: "CLOSED",
  });
  await page.goto(`/sessions?${params}`);

  return page.getByTestId("sessions-table").getByRole("row").filter({ hasText: session.code });
}

test("[sessions] admin marks a closed session not billable", async ({ page }) => {
  const session = await billedSession(0);
  const before = await stateOf(session);
  await signIn(page, "ADMIN");
  const row = await openSessionRow(page, session);
  // Columns: date, code, customer, operator, duration, billed minutes, rule, status.
  await expect(row.getByRole("cell").nth(5)).toHaveText(italianMinutes(session.billedMinutes));

  await row.getByRole("button", { name: `Correggi la teleassistenza ${session.code}` }).click();
  const dialog = page.getByRole("dialog", { name: `Correggi la teleassistenza ${session.code}` });
  await expect(dialog.getByLabel("Codice cliente")).toHaveValue(session.customerCode);
  await expect(dialog.getByLabel("Fatturabile")).toBeChecked();
  await dialog.getByLabel("Fatturabile").uncheck();
  await dialog.getByLabel("Motivo").fill("Intervento in garanzia, concordato con il cliente");
  await page.screenshot({ path: "test-results/session-correction-dialog.png" });
  await dialog.getByRole("button", { name: "Applica la correzione" }).click();

  await expect(dialog).toBeHidden();
  await expect(row.getByRole("cell").nth(5)).toHaveText("0");
  await expect(row).toContainText("Non fatturata");
  await page.screenshot({ path: "test-results/session-correction-list.png", fullPage: true });

  const after = await stateOf(session);
  expect(after.billable).toBe(false);
  expect(after.billedMinutes).toBe(0);
  expect(after.balance).toBe(before.balance + session.billedMinutes);
  expect(after.ledgerSum).toBe(after.balance);
  expect(after.entries).toBe(before.entries * 2);
  const [reversal] = await queryDb<{ minutes: number; comment: string }>(
    `SELECT minutes, comment FROM "LedgerEntry" WHERE "sessionId" = $1
     ORDER BY sequence DESC LIMIT 1`,
    [session.id],
  );
  expect(reversal.minutes).toBeGreaterThan(0);
  expect(reversal.comment).toContain("Intervento in garanzia");
});

test("[sessions] correction without reason changes nothing", async ({ page }) => {
  const session = await billedSession(1);
  const before = await stateOf(session);
  await signIn(page, "ADMIN");
  const row = await openSessionRow(page, session);

  await row.getByRole("button", { name: `Correggi la teleassistenza ${session.code}` }).click();
  const dialog = page.getByRole("dialog", { name: `Correggi la teleassistenza ${session.code}` });
  await dialog.getByLabel("Fatturabile").uncheck();
  const response = page.waitForResponse((candidate) =>
    candidate.url().endsWith(`/api/sessions/${session.code}/correction`),
  );
  await dialog.getByRole("button", { name: "Applica la correzione" }).click();

  expect((await response).status()).toBe(400);
  await expect(dialog.getByText("Indica il motivo dello storno.")).toBeVisible();
  await expect(dialog.getByLabel("Motivo")).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: "test-results/session-correction-error.png" });

  await dialog.getByRole("button", { name: "Annulla" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("cell").nth(5)).toHaveText(italianMinutes(session.billedMinutes));
  expect(await stateOf(session)).toEqual(before);
});

test("[sessions] correction to unknown customer code", async ({ page }) => {
  const session = await billedSession(2);
  const before = await stateOf(session);
  await signIn(page, "ADMIN");
  const row = await openSessionRow(page, session);

  await row.getByRole("button", { name: `Correggi la teleassistenza ${session.code}` }).click();
  const dialog = page.getByRole("dialog", { name: `Correggi la teleassistenza ${session.code}` });
  await dialog.getByLabel("Codice cliente").fill("ZZ-NOPE");
  await dialog.getByLabel("Motivo").fill("Cliente sbagliato");
  await dialog.getByRole("button", { name: "Applica la correzione" }).click();

  const unknownCode =
    "Nessun cliente con codice ZZ-NOPE. Controlla il codice in anagrafica oppure lascia il " +
    "codice attuale per non spostare la teleassistenza.";
  await expect(dialog.getByText(unknownCode)).toBeVisible();
  await expect(dialog.getByLabel("Codice cliente")).toHaveAttribute("aria-invalid", "true");
  expect(await stateOf(session)).toEqual(before);
});

test("[sessions] operator sees no correction action", async ({ page }) => {
  const session = await billedSession(0);
  await signIn(page, "OPERATOR");
  const row = await openSessionRow(page, session);

  await expect(row).toHaveCount(1);
  await expect(page.getByRole("button", { name: /^Correggi/ })).toHaveCount(0);

  const response = await page.request.post(`/api/sessions/${session.code}/correction`, {
    data: { billable: true, reason: "Prova" },
  });
  expect(response.status()).toBe(403);
});
