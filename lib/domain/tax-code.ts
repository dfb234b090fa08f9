// Italian tax codes (codice fiscale). A person's code has 16 characters. It starts with three
// letters of the surname and three of the first name. Then come two digits of the birth year, a
// month letter and two digits of the birth day, plus 40 for women. It ends with the four-character
// code of the birth municipality and a check letter. A company's tax code is its 11-digit VAT number. Rules: Decreto ministeriale 23/12/1976.
import { isValidVatNumber } from "./vat-number";

// When two people would get the same code, the Revenue Agency replaces digits from the right with
// these letters (omocodia): L stands for 0, M for 1, ... V for 9.
const OMOCODE_LETTERS = "LMNPQRSTUV";
// 0-based positions of the characters that are digits in a code without substitutions.
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];
const MONTH_LETTERS = "ABCDEHLMPRST";

// Values of the characters in odd positions (1st, 3rd, ...) for the check letter. Digits count as
// the letter in the same place of the alphabet (0 as A, 1 as B, ...).
const ODD_VALUES = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

const PERSONAL_SHAPE =
  /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/** Removes spaces and turns letters to upper case, the form in which tax codes are compared. */
export function normalizeTaxCode(raw: string): string {
  return raw.replace(/\s+/g, "").toUpperCase();
}

/** Returns the check letter of the first 15 characters of a personal tax code (upper case). */
export function taxCodeCheckLetter(firstFifteen: string): string {
  if (!/^[A-Z0-9]{15}$/.test(firstFifteen)) {
    throw new RangeError(`Expected 15 letters or digits, got "${firstFifteen}"`);
  }

  let sum = 0;
  for (let index = 0; index < 15; index += 1) {
    const char = firstFifteen[index];
    const ordinal = /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 65;
    // Index 0, 2, ... are the odd positions when counting from 1.
    sum += index % 2 === 0 ? ODD_VALUES[ordinal] : ordinal;
  }

  return String.fromCharCode(65 + (sum % 26));
}

/**
 * Returns whether `value` (already normalised) is a valid personal tax code: the right shape, a
 * month letter, a day from 1 to 31 (41 to 71 for women) and the right check letter. Substituted
 * digits (omocodia) are accepted.
 */
export function isValidPersonalTaxCode(value: string): boolean {
  if (!PERSONAL_SHAPE.test(value)) return false;
  if (!MONTH_LETTERS.includes(value[8])) return false;

  const digits = restoreDigits(value);
  const day = Number(digits.slice(9, 11));
  const validDay = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
  if (!validDay) return false;

  return taxCodeCheckLetter(value.slice(0, 15)) === value[15];
}

/** Returns whether `value` (already normalised) is a valid personal or company tax code. */
export function isValidTaxCode(value: string): boolean {
  if (/^\d{11}$/.test(value)) return isValidVatNumber(value);

  return isValidPersonalTaxCode(value);
}

// Undoes omocodia substitutions, so the date can be read. The check letter is computed on the
// code as written.
function restoreDigits(value: string): string {
  const chars = value.split("");
  for (const position of DIGIT_POSITIONS) {
    const index = OMOCODE_LETTERS.indexOf(chars[position]);
    if (index !== -1) chars[position] = String(index);
  }

  return chars.join("");
}
