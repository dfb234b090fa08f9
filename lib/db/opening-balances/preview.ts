import type { RejectedOpeningBalance } from "@/lib/imports/opening-balance-rows";
import type { ImportTable } from "@/lib/imports/import-table";
import { PREVIEW_ROW_LIMIT } from "@/lib/imports/limits";

import type { Db } from "../client";
import {
  analyseOpeningBalances,
  type MatchedOpeningBalance,
  type OpeningBalanceAnalysis,
  type OpeningBalanceInput,
  readOpeningBalances,
} from "./analyse";

export interface OpeningBalanceCounts {
  rows: number;
  rejected: number;
  // Rows recorded as TOP_UP (positive minutes) and as ADJUSTMENT (negative minutes).
  topUps: number;
  adjustments: number;
  // Sum of the minutes of the valid rows.
  minutes: number;
}

export interface OpeningBalancePreview {
  fileName: string;
  format: ImportTable["format"];
  encoding: ImportTable["encoding"];
  delimiter: ImportTable["delimiter"];
  counts: OpeningBalanceCounts;
  rowLimit: number;
  rows: MatchedOpeningBalance[];
  rejected: RejectedOpeningBalance[];
  // ISO time of the earlier import of the same balances, or null.
  importedAt: string | null;
}

/** Returns the counts of an analysis. */
export function openingBalanceCounts(analysis: OpeningBalanceAnalysis): OpeningBalanceCounts {
  return {
    rows: analysis.rowCount,
    rejected: analysis.rejected.length,
    topUps: analysis.rows.filter((row) => row.minutes > 0).length,
    adjustments: analysis.rows.filter((row) => row.minutes < 0).length,
    minutes: analysis.rows.reduce((sum, row) => sum + row.minutes, 0),
  };
}

/** Parses the file and matches its rows with customers and contracts, writing nothing. */
export async function previewOpeningBalances(
  db: Db,
  input: OpeningBalanceInput,
): Promise<OpeningBalancePreview> {
  const analysis = await analyseOpeningBalances(db, await readOpeningBalances(input));

  return {
    fileName: input.fileName,
    format: analysis.table.format,
    encoding: analysis.table.encoding,
    delimiter: analysis.table.delimiter,
    counts: openingBalanceCounts(analysis),
    rowLimit: PREVIEW_ROW_LIMIT,
    rows: analysis.rows.slice(0, PREVIEW_ROW_LIMIT),
    rejected: analysis.rejected,
    importedAt: analysis.importedAt?.toISOString() ?? null,
  };
}
