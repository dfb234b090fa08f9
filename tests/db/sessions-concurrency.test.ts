import { beforeEach, describe, expect, it } from "vitest";

import { endSession, recordSession } from "@/lib/db/sessions";

import { createCustomer, resetDatabase, testDb } from "./helpers";
import { at, balanceOf, concurrencyDb, ledgerSum, sessionEntries, topUp } from "./session-fixtures";

const SESSIONS = 1000;
const WAVES = 4;
const RETRIES_PER_WAVE = 25;
// The sessions span about two weeks from at(0), so the clock is set after all of them.
const base = { source: "API" as const, actorId: null, now: new Date("2026-06-30T00:00:00Z") };

// Session i starts 20 minutes after session i - 1 and lasts 1 to 13 whole minutes, so no two
// overlap and each is billed on its own.
function interval(index: number) {
  const minutes = (index % 13) + 1;

  return { startedAt: at(index * 20), endedAt: at(index * 20 + minutes), minutes };
}

// The embedded database runs all connections on one session, so these calls only queue up there
// and take minutes. The run on a PostgreSQL server (TEST_DATABASE_URL, as in CI) tests real
// concurrency. The 200-write ledger test runs on both databases.
describe.runIf(process.env.TEST_DATABASE_URL)("sessions under concurrency", () => {
  beforeEach(resetDatabase);

  it(
    "1,000 concurrent ends and records leave the exact balance",
    async () => {
      const customer = await createCustomer();
      await topUp(customer.id, 100_000);
      const indexes = Array.from({ length: SESSIONS }, (_, index) => index);
      const ended = indexes.filter((index) => index % 2 === 0);
      const recorded = indexes.filter((index) => index % 2 === 1);
      await testDb().session.createMany({
        data: ended.map((index) => ({
          code: `E${index}`,
          customerId: customer.id,
          source: "API" as const,
          startedAt: interval(index).startedAt,
        })),
      });
      const expected = indexes.reduce((sum, index) => sum + interval(index).minutes, 0);

      // Four waves of 250 calls, each wave fully concurrent. All 1,050 at once also passed, but the
      // last calls then waited about 23 s for a pooled connection on a 2-core machine. That is
      // close to the 30 s maxWait of runLedgerTransaction, so a slower run would fail on it.
      const db = concurrencyDb();
      const started = performance.now();
      const results = [];
      for (let wave = 0; wave < WAVES; wave += 1) {
        // Each wave mixes ends (even indexes) and records (odd ones).
        const inWave = (index: number) => Math.floor(index / 2) % WAVES === wave;
        results.push(
          ...(await Promise.allSettled([
            ...ended.filter(inWave).map((index) =>
              endSession(db, {
                ...base,
                code: `E${index}`,
                endedAt: interval(index).endedAt,
              }),
            ),
            ...recorded.filter(inWave).map((index) =>
              recordSession(db, {
                ...base,
                code: `R${index}`,
                customerCode: customer.code,
                ...interval(index),
              }),
            ),
            // A second end of some sessions at the same time, which must charge nothing more.
            ...ended
              .filter(inWave)
              .slice(0, RETRIES_PER_WAVE)
              .map((index) =>
                endSession(db, {
                  ...base,
                  code: `E${index}`,
                  endedAt: interval(index).endedAt,
                }),
              ),
          ])),
        );
      }
      const elapsedMs = Math.round(performance.now() - started);
      console.info(
        `${results.length} session closes in ${WAVES} concurrent waves took ${elapsedMs} ms`,
      );

      expect(results.filter((result) => result.status === "rejected")).toEqual([]);
      expect(await sessionEntries(customer.id)).toHaveLength(SESSIONS);
      expect(await testDb().session.count({ where: { status: "CLOSED" } })).toBe(SESSIONS);
      expect(await ledgerSum(customer.id)).toBe(100_000 - expected);
      expect(await balanceOf(customer.id)).toBe(100_000 - expected);
    },
    10 * 60_000,
  );
});
