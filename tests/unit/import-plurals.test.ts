import { type AbstractIntlMessages, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import englishErrors from "@/messages/en/errors.json";
import englishImports from "@/messages/en/imports.json";
import englishBalances from "@/messages/en/openingBalances.json";
import italianErrors from "@/messages/it/errors.json";
import italianImports from "@/messages/it/imports.json";
import italianBalances from "@/messages/it/openingBalances.json";

type Translate = (key: string, values?: Record<string, string | number>) => string;

// createTranslator types its keys from the messages passed in, but these tests look keys up by name.
function translator(locale: string, messages: Record<string, AbstractIntlMessages>): Translate {
  return createTranslator({ locale, messages }) as unknown as Translate;
}

const italian = translator("it", {
  errors: italianErrors,
  imports: italianImports,
  openingBalances: italianBalances,
});
const english = translator("en", {
  errors: englishErrors,
  imports: englishImports,
  openingBalances: englishBalances,
});

const oneRow = { count: 1, formatted: "1" };
// The components pass the count already formatted for the locale, as `formatted`.
const manyItalian = { count: 12000, formatted: "12.000" };
const manyEnglish = { count: 12000, formatted: "12,000" };

describe("import message plurals", () => {
  it("uses the singular for one rejected row", () => {
    expect(italian("errors.imports.rowsRejected", oneRow)).toContain("Il file ha 1 riga scartata,");
    expect(english("errors.imports.rowsRejected", oneRow)).toContain("has 1 rejected row,");
    expect(italian("errors.openingBalances.rowsRejected", oneRow)).toContain("1 riga scartata,");
    expect(english("errors.openingBalances.rowsRejected", oneRow)).toContain("1 rejected row,");
    expect(italian("imports.skipRejected", oneRow)).toContain("salta la riga scartata (");
    expect(english("imports.skipRejected", oneRow)).toContain("skip the rejected row (");
    expect(italian("openingBalances.preview.fixRejected", oneRow)).toMatch(/^1 riga è scartata\./);
    expect(english("openingBalances.preview.fixRejected", oneRow)).toMatch(/^1 row is rejected\./);
    expect(italian("imports.missing.kept", oneRow)).toMatch(/^1 cliente attivo non compare/);
    expect(english("imports.missing.willDeactivate", oneRow)).toMatch(/^1 active customer is not/);
  });

  it("uses the plural for many rejected rows", () => {
    expect(english("errors.imports.rowsRejected", manyEnglish)).toContain("12,000 rejected rows,");
    expect(italian("errors.imports.rowsRejected", manyItalian)).toContain("12.000 righe scartate,");
    expect(italian("imports.skipRejected", manyItalian)).toContain("salta le 12.000 righe");
    expect(english("imports.skipRejected", manyEnglish)).toContain("skip the 12,000 rejected rows");
    expect(english("openingBalances.preview.fixRejected", manyEnglish)).toMatch(/^12,000 rows are/);
    expect(italian("imports.missing.willDeactivate", manyItalian)).toMatch(
      /^12.000 clienti attivi/,
    );
  });
});
