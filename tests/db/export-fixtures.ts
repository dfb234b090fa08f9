// Customers, sessions and ledger entries for the export tests, written through one Prisma client
// so that the tests can share a single-connection pool with the job queue.
import type { Db } from "@/lib/db/client";
import { recordLedgerEntry } from "@/lib/db/ledger";

export const PERIOD = { from: "2026-11-01", to: "2026-11-30" };

let counter = 0;

export async function createExportUser(db: Db, role: "ADMIN" | "MANAGER") {
  counter += 1;

  return db.user.create({
    data: {
      email: `export${counter}-${process.pid}@example.test`,
      name: `Export user ${counter}`,
      role,
      passwordHash: "x",
    },
  });
}

/**
 * Creates `customers` customers (codes EXP-<n>-<i>), each with an October top-up, November
 * top-ups and `sessionsEach` closed November sessions charged to the ledger, plus one idle
 * customer with nothing at all. Returns the codes of the active customers.
 */
export async function createExportData(
  db: Db,
  options: { customers: number; sessionsEach: number; authorId: string },
): Promise<string[]> {
  counter += 1;
  const codes: string[] = [];
  await db.customer.create({ data: { code: `EXP-${counter}-IDLE`, name: "Idle S.r.l." } });

  for (let index = 0; index < options.customers; index += 1) {
    const code = `EXP-${counter}-${String(index).padStart(2, "0")}`;
    codes.push(code);
    const customer = await db.customer.create({
      data: { code, name: index === 0 ? '=Formula; "quoted" S.p.A.' : `Cliente ${index}` },
    });
    const author = { customerId: customer.id, authorId: options.authorId };
    await recordLedgerEntry(db, {
      ...author,
      entry: { kind: "TOP_UP", minutes: 600, occurredAt: new Date("2026-10-15T10:00:00Z") },
    });
    await recordLedgerEntry(db, {
      ...author,
      entry: {
        kind: "TOP_UP",
        minutes: 120 + index,
        occurredAt: new Date("2026-11-10T10:00:00Z"),
        comment: "+ricarica extra",
      },
    });
    await recordLedgerEntry(db, {
      ...author,
      entry: { kind: "ADJUSTMENT", minutes: -15, occurredAt: new Date("2026-11-20T09:00:00Z") },
    });

    for (let number = 0; number < options.sessionsEach; number += 1) {
      const startedAt = new Date(
        Date.UTC(2026, 10, 1 + (number % 29), 8 + (number % 9), number % 60),
      );
      const seconds = 60 * (3 + ((number * 7) % 40)) + (number % 59);
      const billedMinutes = Math.ceil(seconds / 60);
      const session = await db.session.create({
        data: {
          code: `S-${code}-${String(number).padStart(4, "0")}`,
          customerId: customer.id,
          status: "CLOSED",
          source: "IMPORT",
          startedAt,
          endedAt: new Date(startedAt.getTime() + seconds * 1000),
          seconds,
          billedMinutes,
          notes: number % 5 === 0 ? "@contatto; riavvio" : null,
          operatorName: "Operatore Uno",
        },
      });
      await recordLedgerEntry(db, {
        ...author,
        entry: {
          kind: "SESSION",
          minutes: -billedMinutes,
          occurredAt: startedAt,
          sessionId: session.id,
        },
      });
    }
  }

  return codes;
}

/** Sums a customer's ledger for the period straight from SQL, the reference for every export. */
export async function ledgerTotals(db: Db, code: string, from: string, to: string) {
  const [row] = await db.$queryRaw<{ opening: bigint; credits: bigint; debits: bigint }[]>`
    SELECT
      COALESCE(SUM(e.minutes) FILTER (WHERE e."occurredAt" < (${from}::date)::timestamp AT TIME ZONE 'Europe/Rome'), 0)::bigint AS opening,
      COALESCE(SUM(e.minutes) FILTER (WHERE e.minutes > 0 AND e."occurredAt" >= (${from}::date)::timestamp AT TIME ZONE 'Europe/Rome'), 0)::bigint AS credits,
      COALESCE(SUM(-e.minutes) FILTER (WHERE e.minutes < 0 AND e."occurredAt" >= (${from}::date)::timestamp AT TIME ZONE 'Europe/Rome'), 0)::bigint AS debits
    FROM "LedgerEntry" e JOIN "Customer" c ON c.id = e."customerId"
    WHERE c.code = ${code}
      AND e."occurredAt" < ((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Rome')`;
  const opening = Number(row.opening);
  const credits = Number(row.credits);
  const debits = Number(row.debits);

  return { opening, credits, debits, closing: opening + credits - debits };
}

/** Sums the billed minutes and counts the closed sessions of a customer in the period. */
export async function sessionTotals(db: Db, code: string, from: string, to: string) {
  const [row] = await db.$queryRaw<{ count: bigint; billed: bigint }[]>`
    SELECT count(*)::bigint AS count, COALESCE(SUM(s."billedMinutes"), 0)::bigint AS billed
    FROM "Session" s JOIN "Customer" c ON c.id = s."customerId"
    WHERE c.code = ${code} AND s.status = 'CLOSED'
      AND s."startedAt" >= (${from}::date)::timestamp AT TIME ZONE 'Europe/Rome'
      AND s."startedAt" < ((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Rome')`;

  return { count: Number(row.count), billedMinutes: Number(row.billed) };
}
