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
