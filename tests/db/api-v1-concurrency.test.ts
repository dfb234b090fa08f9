import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { POST as recordPost } from "@/app/api/v1/sessions/route";
import { POST as endPost } from "@/app/api/v1/sessions/end/route";

import { apiKeyWith, postJson, useTestDatabaseInHandlers } from "./api-fixtures";
import { createCustomer, resetDatabase, testDb } from "./helpers";
import { balanceOf, concurrencyDb, ledgerSum, sessionEntries, topUp } from "./session-fixtures";

const SESSIONS = 1000;
const WAVES = 4;
const RETRIES_PER_WAVE = 25;
// Session i starts 20 minutes after session i - 1, all of them about 300 days ago, and lasts
// 1 to 13 whole minutes, so no two overlap and each is billed on its own.
const origin = Date.now() - 300 * 24 * 3_600_000;

function interval(index: number) {
  const minutes = (index % 13) + 1;
  const start = origin + index * 20 * 60_000;

  return {
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + minutes * 60_000).toISOString(),
    minutes,
  };
}

// The embedded database runs all connections on one session, so these calls only queue up there
// and take minutes. The run on a PostgreSQL server (TEST_DATABASE_URL, as in CI) tests real
// concurrency. The 200-write ledger test runs on both databases.
describe.runIf(process.env.TEST_DATABASE_URL)("API under concurrency", () => {
  beforeAll(() => useTestDatabaseInHandlers(concurrencyDb()));
  beforeEach(resetDatabase);

  it(
    "1,000 concurrent calls leave the exact balance",
    async () => {
      const { secret } = await apiKeyWith(["sessions:write"]);
      const customer = await createCustomer({ code: "C-LOAD" });
      await topUp(customer.id, 100_000);
      const indexes = Array.from({ length: SESSIONS }, (_, index) => index);
      const ended = indexes.filter((index) => index % 2 === 0);
      await testDb().session.createMany({
        data: ended.map((index) => ({
          code: `E${index}`,
          customerId: customer.id,
          source: "API" as const,
          startedAt: new Date(interval(index).startedAt),
        })),
      });
      const expected = indexes.reduce((sum, index) => sum + interval(index).minutes, 0);

      function call(index: number) {
        const { startedAt, endedAt } = interval(index);
        const headers = { "Idempotency-Key": `close-${index}` };

        return index % 2 === 0
          ? endPost(
              postJson("/api/v1/sessions/end", { code: `E${index}`, endedAt }, { secret, headers }),
            )
          : recordPost(
              postJson(
                "/api/v1/sessions",
                { code: `R${index}`, customerCode: "C-LOAD", startedAt, endedAt },
                { secret, headers },
              ),
            );
      }

      // Four waves of 250 calls, each wave fully concurrent. Each wave also retries 25 of its
      // calls at the same time, with the same Idempotency-Key. One wave of all calls takes over
      // a minute on a 2-core machine, so the last calls would wait for a pooled connection past
      // the 30 s maxWait of runLedgerTransaction.
      const started = performance.now();
      const responses: Response[] = [];
      for (let wave = 0; wave < WAVES; wave += 1) {
        // Each wave mixes ends (even indexes) and records (odd ones).
        const inWave = indexes.filter((index) => Math.floor(index / 2) % WAVES === wave);
        responses.push(
          ...(await Promise.all([
            ...inWave.map((index) => call(index)),
            ...inWave.slice(0, RETRIES_PER_WAVE).map((index) => call(index)),
          ])),
        );
      }
      const elapsedMs = Math.round(performance.now() - started);
      console.info(
        `${responses.length} API calls in ${WAVES} concurrent waves took ${elapsedMs} ms`,
      );

      expect(responses.filter((response) => response.status >= 300).map((r) => r.status)).toEqual(
        [],
      );
      expect(await sessionEntries(customer.id)).toHaveLength(SESSIONS);
      expect(await ledgerSum(customer.id)).toBe(100_000 - expected);
      expect(await balanceOf(customer.id)).toBe(100_000 - expected);
    },
    10 * 60_000,
  );
});
