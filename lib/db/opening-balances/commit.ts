import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";

import { recordAudit } from "../audit";
import type { Db } from "../client";
import { appendLedgerEntries, runLedgerTransaction } from "../ledger";
import {
  analyseOpeningBalances,
  entryKey,
  type OpeningBalanceInput,
  readOpeningBalances,
} from "./analyse";
import { type OpeningBalanceCounts, openingBalanceCounts } from "./preview";

export type OpeningBalancePhase = "reading" | "checking" | "recording";

export interface OpeningBalanceProgress {
  phase: OpeningBalancePhase;
  done: number;
  total: number;
}

/**
 * Records one ledger entry per row in ONE transaction: TOP_UP for positive minutes, ADJUSTMENT for
 * negative ones, each with the row's contract and comment. Every entry carries the idempotency key
 * `opening-balance:<digest>:<code>`, so a second import of the same balances fails on the unique
 * index even when two requests race.
 *
 * Throws VALIDATION `openingBalances.rowsRejected` when any row is rejected (unknown code, bad
 * minutes, ...), because opening balances are all or nothing, and CONFLICT
 * `openingBalances.alreadyImported` when the same balances were imported before.
 */
export async function commitOpeningBalances(
  db: Db,
  input: OpeningBalanceInput & {
    actorId: string | null;
    onProgress?: (progress: OpeningBalanceProgress) => void;
  },
): Promise<OpeningBalanceCounts> {
  const report = (phase: OpeningBalancePhase, done: number, total: number) =>
    input.onProgress?.({ phase, done, total });

  report("reading", 0, 1);
  const parsed = await readOpeningBalances(input);
  report("reading", 1, 1);

  try {
    return await runLedgerTransaction(db, async (tx) => {
      report("checking", 0, 1);
      const analysis = await analyseOpeningBalances(tx, parsed);
      if (analysis.importedAt) throw alreadyImported(analysis.importedAt);
      if (analysis.rejected.length > 0) {
        throw new AppError("VALIDATION", "openingBalances.rowsRejected", {
          values: { count: analysis.rejected.length },
        });
      }
      report("checking", 1, 1);

      const entries = [];
      report("recording", 0, analysis.rows.length);
      for (const [index, row] of analysis.rows.entries()) {
        const [entry] = await appendLedgerEntries(tx, {
          customerId: row.customerId,
          authorId: input.actorId,
          skipAudit: true,
          entries: [
            {
              kind: row.minutes > 0 ? "TOP_UP" : "ADJUSTMENT",
              minutes: row.minutes,
              contractId: row.contractId,
              comment: row.comment,
              idempotencyKey: entryKey(analysis.digest, row.code),
            },
          ],
        });
        entries.push({ id: entry.id, customerId: row.customerId, minutes: entry.minutes });
        report("recording", index + 1, analysis.rows.length);
      }

      const counts = openingBalanceCounts(analysis);
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "openingBalances.import",
        entityType: "LedgerEntry",
        after: {
          fileName: input.fileName,
          digest: analysis.digest,
          counts: { ...counts },
          entries,
        },
      });

      return counts;
    });
  } catch (error) {
    // runLedgerTransaction reports a unique violation as ledger.duplicate: here it can only be
    // a concurrent import of the same balances.
    if (error instanceof AppError && error.messageKey === "ledger.duplicate") {
      throw alreadyImported(new Date());
    }
    throw error;
  }
}

function alreadyImported(importedAt: Date): AppError {
  return new AppError("CONFLICT", "openingBalances.alreadyImported", {
    values: { date: formatDateTime(importedAt) },
  });
}
