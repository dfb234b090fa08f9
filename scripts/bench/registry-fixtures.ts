// A synthetic ERP registry export for benchmarks: Windows-1252 CSV with semicolons, valid VAT
// numbers and tax codes, and one TeamViewer ID per customer.
import iconv from "iconv-lite";

import { taxCodeCheckLetter } from "@/lib/domain/tax-code";
import { vatCheckDigit } from "@/lib/domain/vat-number";

export const REGISTRY_HEADER = [
  "Codice",
  "Ragione sociale",
  "Partita IVA",
  "Codice fiscale",
  "Indirizzo",
  "CAP",
  "Città",
  "Provincia",
  "Email",
  "TeamViewer",
];

/** Returns the CSV bytes of `count` customers; `variant` changes every name, for an update run. */
export function syntheticRegistry(count: number, variant = ""): Uint8Array {
  const lines = [REGISTRY_HEADER.join(";")];
  for (let index = 0; index < count; index += 1) {
    const firstTen = String(1_000_000 + index).padStart(7, "0") + "037";
    const vat = firstTen + vatCheckDigit(firstTen);
    const personal = `RSSMRA85T10A${String(index % 1000).padStart(3, "0")}`;
    lines.push(
      [
        `C${String(index).padStart(6, "0")}`,
        `Società ${index} di Forlì${variant}`,
        `IT${vat}`,
        index % 2 === 0 ? vat : personal + taxCodeCheckLetter(personal),
        `Via Roma ${index}`,
        "47121",
        "Forlì",
        "FC",
        `info${index}@example.test`,
        String(100_000_000 + index),
      ].join(";"),
    );
  }

  return iconv.encode(`${lines.join("\r\n")}\r\n`, "windows-1252");
}
