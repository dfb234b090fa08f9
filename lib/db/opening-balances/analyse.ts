// Matches the rows of an opening-balance file with the stored customers and contracts, and finds
// out whether the same balances were imported before.
import type { CsvReadOptions } from "@/lib/imports/csv";
import { type ImportTable, readImportTable } from "@/lib/imports/import-table";
import {
  mapOpeningBalances,
  type OpeningBalanceMapping,
  type OpeningBalanceRow,
  openingBalancesDigest,
  type RejectedOpeningBalance,
} from "@/lib/imports/opening-balance-rows";

import type { Db, Tx } from "../client";

export interface OpeningBalanceInput {
  fileName: string;
  bytes: Uint8Array;
  mapping: OpeningBalanceMapping;
  read?: CsvReadOptions;
}

export interface MatchedOpeningBalance extends OpeningBalanceRow {
  customerId: string;
  customerName: string;
  contractId: string | null;
  // Balance of the customer before the import.
  balanceBefore: number;
}

export interface OpeningBalanceAnalysis {
  table: ImportTable;
  rowCount: number;
  rows: MatchedOpeningBalance[];
  rejected: RejectedOpeningBalance[];
  digest: string;
  // Time of the earlier import of the same balances, or null.
  importedAt: Date | null;
}

// Prefix of the idempotency key of each entry: `opening-balance:<digest>:<customer code>`.
export const KEY_PREFIX = "opening-balance";

/** Returns the idempotency key of one row's ledger entry. */
export function entryKey(digest: string, code: string): string {
  return `${KEY_PREFIX}:${digest}:${code}`;
}

/** Parses the file and maps its rows, without reading the database. */
export async function readOpeningBalances(input: OpeningBalanceInput) {
  const table = await readImportTable(input.bytes, input.read);

  return { table, mapped: mapOpeningBalances(table, input.mapping) };
}

/**
 * Matches the parsed rows with customers (by code) and contracts (by number, of that customer).
 * Unknown codes and contracts are rejected rows. The digest covers every row that parsed, whether
 * or not its customer exists, and the commit only runs on files without rejected rows.
 */
export async function analyseOpeningBalances(
  db: Db | Tx,
  parsed: Awaited<ReturnType<typeof readOpeningBalances>>,
): Promise<OpeningBalanceAnalysis> {
  const { table, mapped } = parsed;
  const codes = mapped.rows.map((row) => row.code);
  const customers = await db.customer.findMany({
    where: { code: { in: codes } },
    select: {
      id: true,
      code: true,
      name: true,
      balanceMinutes: true,
      contracts: { select: { id: true, number: true } },
    },
  });
  const byCode = new Map(customers.map((customer) => [customer.code, customer]));

  const rows: MatchedOpeningBalance[] = [];
  const rejected = [...mapped.rejected];
  for (const row of mapped.rows) {
    const customer = byCode.get(row.code);
    if (!customer) {
      rejected.push({ line: row.line, code: row.code, problem: { kind: "unknownCustomer" } });
      continue;
    }
    const contract = row.contract
      ? customer.contracts.find((candidate) => candidate.number === row.contract)
      : null;
    if (row.contract && !contract) {
      const problem = { kind: "unknownContract" as const, contract: row.contract };
      rejected.push({ line: row.line, code: row.code, problem });
      continue;
    }

    rows.push({
      ...row,
      customerId: customer.id,
      customerName: customer.name,
      contractId: contract?.id ?? null,
      balanceBefore: customer.balanceMinutes,
    });
  }
  rejected.sort((a, b) => a.line - b.line);

  const digest = openingBalancesDigest(mapped.rows);
  const previous = await db.ledgerEntry.findFirst({
    where: { idempotencyKey: { startsWith: `${KEY_PREFIX}:${digest}:` } },
    select: { createdAt: true },
  });

  return {
    table,
    rowCount: table.records.length,
    rows,
    rejected,
    digest,
    importedAt: previous?.createdAt ?? null,
  };
}
