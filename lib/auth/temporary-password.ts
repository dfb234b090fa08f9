import { randomInt } from "node:crypto";

// No 0/O, 1/l/I: the password is read off the screen and typed by another person.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const GROUPS = 3;
const GROUP_LENGTH = 5;

/**
 * Creates a temporary password such as "kP7wz-M3qae-9xRtd": 15 characters drawn with node:crypto
 * from 55 symbols (about 86 bits), in dash-separated groups so it is easy to read aloud.
 */
export function createTemporaryPassword(): string {
  const groups: string[] = [];
  for (let group = 0; group < GROUPS; group += 1) {
    let text = "";
    for (let index = 0; index < GROUP_LENGTH; index += 1) {
      text += ALPHABET[randomInt(ALPHABET.length)];
    }
    groups.push(text);
  }

  return groups.join("-");
}
