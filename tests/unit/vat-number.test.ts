import { describe, expect, it } from "vitest";

import { isValidVatNumber, vatCheckDigit } from "@/lib/domain/vat-number";

describe("vatCheckDigit", () => {
  it.each([
    // Worked by hand: odd positions add as they are, even positions are doubled minus 9 if > 9.
    ["1234567890", 3],
    ["0086034015", 7],
    ["1000000009", 0],
    ["0000000000", 0],
  ])("of %s is %i", (firstTen, digit) => {
    expect(vatCheckDigit(firstTen)).toBe(digit);
  });

  it("rejects anything but ten digits", () => {
    expect(() => vatCheckDigit("123456789")).toThrow(RangeError);
    expect(() => vatCheckDigit("12345678AB")).toThrow(RangeError);
  });
});

describe("isValidVatNumber", () => {
  it.each(["12345678903", "00860340157", "10000000090"])("accepts %s", (value) => {
    expect(isValidVatNumber(value)).toBe(true);
  });

  it.each([
    ["wrong check digit", "12345678904"],
    ["swapped digits", "21345678903"],
    ["ten digits", "1234567890"],
    ["twelve digits", "123456789030"],
    ["country prefix", "IT12345678903"],
    ["spaces", "123 4567 8903"],
    ["empty", ""],
  ])("rejects %s", (_case, value) => {
    expect(isValidVatNumber(value)).toBe(false);
  });
});
