// Maximum length of search text. Longer input is cut, because no code or name is that long.
export const MAX_SEARCH_LENGTH = 100;

/**
 * Cleans a user's search text for Prisma filters. It removes NUL and other control characters,
 * which PostgreSQL rejects in text, then trims and shortens the text. It also escapes the LIKE
 * wildcards `%` and `_` and the escape character, because Prisma passes `contains`, `startsWith`
 * and case-insensitive `equals` to PostgreSQL as LIKE patterns.
 */
export function toSearchPattern(raw: string): string {
  const text = Array.from(raw)
    .filter((character) => character >= " " && character !== "\u007f")
    .join("")
    .trim()
    .slice(0, MAX_SEARCH_LENGTH);

  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
