import { describe, expect, it } from "vitest";

import {
  isValidPersonalTaxCode,
  isValidTaxCode,
  normalizeTaxCode,
  taxCodeCheckLetter,
} from "@/lib/domain/tax-code";
import { normalizeVatNumber } from "@/lib/domain/vat-number";

describe("taxCodeCheckLetter", () => {
  it.each([
    // The Revenue Agency's usual examples, and codes worked out by hand with the odd/even tables.
    ["RSSMRA85T10A562", "S"],
    ["MRTMTT91D08F205", "J"],
    ["BNCLRA80A41F205", "G"],
    ["RSSMRA85T10A56N", "H"],
    ["RSSMRAURTMLARSN", "L"],
  ])("of %s is %s", (firstFifteen, letter) => {
    expect(taxCodeCheckLetter(firstFifteen)).toBe(letter);
  });

  it("rejects anything but 15 letters or digits", () => {
    expect(() => taxCodeCheckLetter("RSSMRA85T10A56")).toThrow(RangeError);
    expect(() => taxCodeCheckLetter("rssmra85t10a562")).toThrow(RangeError);
    expect(() => taxCodeCheckLetter("RSSMRA85T10A56-")).toThrow(RangeError);
  });
});

describe("isValidPersonalTaxCode", () => {
  it.each([
    ["man", "RSSMRA85T10A562S"],
    ["woman, day plus 40", "BNCLRA80A41F205G"],
    ["one substituted digit", "RSSMRA85T10A56NH"],
    ["every digit substituted", "RSSMRAURTMLARSNL"],
    ["last day of a month", "MRTMTT91D31F205" + taxCodeCheckLetter("MRTMTT91D31F205")],
    ["last day for women", "BNCLRA80A71F205" + taxCodeCheckLetter("BNCLRA80A71F205")],
  ])("accepts %s", (_case, value) => {
    expect(isValidPersonalTaxCode(value)).toBe(true);
  });

  it.each([
    ["wrong check letter", "RSSMRA85T10A562T"],
    ["swapped characters", "SRSMRA85T10A562S"],
    ["15 characters", "RSSMRA85T10A562"],
    ["17 characters", "RSSMRA85T10A562SX"],
    ["lower case", "rssmra85t10a562s"],
    ["month letter F", "RSSMRA85F10A562" + taxCodeCheckLetter("RSSMRA85F10A562")],
    ["day 00", "RSSMRA85T00A562" + taxCodeCheckLetter("RSSMRA85T00A562")],
    ["day 32", "RSSMRA85T32A562" + taxCodeCheckLetter("RSSMRA85T32A562")],
    ["day 40", "RSSMRA85T40A562" + taxCodeCheckLetter("RSSMRA85T40A562")],
    ["day 72", "RSSMRA85T72A562" + taxCodeCheckLetter("RSSMRA85T72A562")],
    ["letter W in a digit place", "RSSMRA8WT10A562S"],
    ["digit in the surname", "R5SMRA85T10A562S"],
    ["empty", ""],
  ])("rejects %s", (_case, value) => {
    expect(isValidPersonalTaxCode(value)).toBe(false);
  });
});

describe("isValidTaxCode", () => {
  it("accepts a personal code", () => {
    expect(isValidTaxCode("RSSMRA85T10A562S")).toBe(true);
  });

  it("accepts a company code with a valid check digit", () => {
    expect(isValidTaxCode("00860340157")).toBe(true);
  });

  it("rejects a company code with a wrong check digit", () => {
    expect(isValidTaxCode("00860340158")).toBe(false);
  });

  it("rejects 10 or 12 digits", () => {
    expect(isValidTaxCode("0086034015")).toBe(false);
    expect(isValidTaxCode("008603401570")).toBe(false);
  });
});

describe("normalizeTaxCode", () => {
  it("removes spaces and upper-cases letters", () => {
    expect(normalizeTaxCode(" rssmra 85t10 a562s ")).toBe("RSSMRA85T10A562S");
  });
});

describe("normalizeVatNumber", () => {
  it.each([
    ["plain", "12345678903", "12345678903"],
    ["IT prefix", "IT12345678903", "12345678903"],
    ["lower-case prefix and spaces", " it 123 4567 8903", "12345678903"],
    ["dots and dashes", "123.4567-8903", "12345678903"],
    ["another EU country", "DE123456789", "DE123456789"],
    ["Austrian U prefix", "atu12345678", "ATU12345678"],
  ])("accepts %s", (_case, raw, stored) => {
    expect(normalizeVatNumber(raw)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ["wrong check digit", "12345678904"],
    ["wrong check digit after IT", "IT12345678904"],
    ["ten digits", "1234567890"],
    ["IT with letters", "IT1234567890A"],
    ["letters only", "ABC"],
    ["empty", ""],
  ])("rejects %s", (_case, raw) => {
    expect(normalizeVatNumber(raw)).toEqual({ ok: false });
  });
});
