import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
const RANDOM_LENGTH = 16;

/**
 * Creates an id for rows inserted with raw SQL, shaped like the ids of Prisma's `cuid()` default:
 * "c", a base-36 millisecond timestamp, then random base-36 characters (25 characters in all), so
 * code that validates ids as CUIDs accepts both kinds.
 */
export function createId(): string {
  const time = Date.now().toString(36).padStart(8, "0");
  // 252 is the largest multiple of 36 below 256: bytes from 252 up are skipped to avoid bias.
  let random = "";
  while (random.length < RANDOM_LENGTH) {
    for (const byte of randomBytes(RANDOM_LENGTH * 2)) {
      if (byte < 252 && random.length < RANDOM_LENGTH) random += ALPHABET[byte % 36];
    }
  }

  return `c${time}${random}`;
}
