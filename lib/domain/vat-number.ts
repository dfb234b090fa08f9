// Italian VAT numbers (partita IVA): 11 digits. Digits 1-7 number the business, digits 8-10 are
// the code of the provincial tax office that issued it, and digit 11 is a Luhn check digit over
// the first ten (digits in even positions from the left are doubled).

/** Returns the check digit for the first ten digits of a VAT number. */
export function vatCheckDigit(firstTenDigits: string): number {
  if (!/^\d{10}$/.test(firstTenDigits)) {
    throw new RangeError(`Expected 10 digits, got "${firstTenDigits}"`);
  }

  let sum = 0;
  for (let index = 0; index < 10; index += 1) {
    const digit = Number(firstTenDigits[index]);
    // Index 1, 3, ... are the even positions when counting from 1.
    if (index % 2 === 1) {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += digit;
    }
  }

  return (10 - (sum % 10)) % 10;
}

/** Returns whether `value` is 11 digits with a correct check digit. */
export function isValidVatNumber(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;

  return vatCheckDigit(value.slice(0, 10)) === Number(value[10]);
}

export type VatNumberResult = { ok: true; value: string } | { ok: false };

/**
 * Validates a VAT number as ERP exports write it and returns it in stored form. Spaces, dots and
 * dashes are dropped. An "IT" prefix is removed and the rest must be a valid Italian VAT number.
 * A number with another EU country prefix (two letters, then letters or digits) is kept as written,
 * because each country has its own check rule.
 */
export function normalizeVatNumber(raw: string): VatNumberResult {
  const text = raw.replace(/[\s.-]+/g, "").toUpperCase();
  const italian = text.startsWith("IT") ? text.slice(2) : text;

  if (/^\d+$/.test(italian)) {
    return isValidVatNumber(italian) ? { ok: true, value: italian } : { ok: false };
  }
  if (!text.startsWith("IT") && /^[A-Z]{2}[A-Z0-9+*]{2,13}$/.test(text)) {
    return { ok: true, value: text };
  }

  return { ok: false };
}
