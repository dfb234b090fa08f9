import type {
  OpeningBalanceCounts,
  OpeningBalancePreview,
  OpeningBalanceProgress,
} from "@/lib/db/opening-balances";
import type { OpeningBalanceField } from "@/lib/imports/opening-balance-rows";

import type { ReadChoice } from "./api";
import { type SendCallbacks, sendImportForm } from "./send-form";

export type { OpeningBalanceCounts, OpeningBalancePreview, OpeningBalanceProgress };
export type OpeningBalanceColumns = Record<OpeningBalanceField, string>;

// Header names suggested for each field, compared ignoring case and spaces.
const SUGGESTIONS: Record<OpeningBalanceField, string[]> = {
  code: ["code", "codice", "codicecliente", "customercode", "cliente"],
  minutes: ["minutes", "minuti", "saldo", "saldominuti", "balance"],
  contract: ["contract", "contratto", "numerocontratto", "contractnumber"],
  comment: ["comment", "commento", "note", "notes", "descrizione"],
};

/** Suggests a column for each field from its usual Italian and English header names. */
export function suggestOpeningBalanceColumns(headers: string[]): OpeningBalanceColumns {
  const byName = new Map(
    headers.map((header) => [header.toLowerCase().replace(/\s+/g, ""), header]),
  );
  const pick = (field: OpeningBalanceField) =>
    SUGGESTIONS[field].map((name) => byName.get(name)).find(Boolean) ?? "";

  return {
    code: pick("code"),
    minutes: pick("minutes"),
    contract: pick("contract"),
    comment: pick("comment"),
  };
}

/** Posts the opening-balance form; see sendImportForm for `streamed` and the callbacks. */
export function postOpeningBalances<T>(
  path: string,
  form: { file: File; read: ReadChoice; columns?: OpeningBalanceColumns },
  options: SendCallbacks<OpeningBalanceProgress> & { streamed?: boolean } = {},
): Promise<T> {
  const data = new FormData();
  data.append("file", form.file);
  data.append("encoding", form.read.encoding);
  data.append("delimiter", form.read.delimiter);
  if (form.columns) data.append("mapping", JSON.stringify({ columns: form.columns }));

  return sendImportForm<T, OpeningBalanceProgress>(path, data, options);
}
