// Spreadsheet programs run a text cell that starts with =, +, -, @, a tab or a carriage return as
// a formula, so a comment such as =HYPERLINK(...) could act when the file is opened. A leading
// apostrophe makes them show the text as typed. Only text cells pass through here: numbers,
// including negative ones, are written as numbers.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes text that a spreadsheet would read as a formula with an apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
