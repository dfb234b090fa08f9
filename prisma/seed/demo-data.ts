// Demo data for a first start: inserted only into a database without users, so it never mixes
// with real data.
import type { Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";

import { DEMO_ACCOUNTS } from "./accounts";
import { parseIsoDay, todayIso } from "./calendar";
import { type DemoSummary, planDemoData, summarizeDemoData } from "./demo-plan";
import { writeDemoData } from "./write";

export type SeedResult = { seeded: true; summary: DemoSummary } | { seeded: false };

/**
 * Inserts twelve months of demo data ending the day before `anchor` (YYYY-MM-DD, a day in the
 * business time zone), unless the database already has a user. Everything is written in one
 * transaction, so a failed run leaves the database empty and the next start tries again.
 */
export async function seedDemoData(db: Db, options: { anchor: string }): Promise<SeedResult> {
  const anchor = parseIsoDay(options.anchor);
  if (await hasUsers(db)) return { seeded: false };

  const data = planDemoData(anchor);
  const summary = summarizeDemoData(data, options.anchor);
  const passwordHashes = await Promise.all(
    DEMO_ACCOUNTS.map((account) => hashPassword(account.password)),
  );

  const inserted = await db.$transaction(
    async (tx) => {
      // Checked again inside the transaction, in case another process seeded in the meantime.
      if (await hasUsers(tx)) return false;

      await writeDemoData(tx, { data, passwordHashes, summary });

      return true;
    },
    // The seed took 8-12 s on a 2-core machine, and the limit leaves room for slower ones.
    { timeout: 300_000, maxWait: 30_000 },
  );

  return inserted ? { seeded: true, summary } : { seeded: false };
}

async function hasUsers(db: Pick<Db, "user">): Promise<boolean> {
  return (await db.user.findFirst({ select: { id: true } })) !== null;
}

/**
 * Returns the anchor date: `DEMO_ANCHOR_DATE` when set, otherwise today in the business time zone.
 * Throws when the variable is not a valid YYYY-MM-DD date.
 */
export function resolveAnchor(value: string | undefined, now: Date = new Date()): string {
  if (value === undefined || value === "") return todayIso(now);

  try {
    parseIsoDay(value);
  } catch {
    throw new Error(
      `Invalid DEMO_ANCHOR_DATE "${value}": use a date as YYYY-MM-DD, e.g. 2026-06-30`,
    );
  }

  return value;
}
