import bcrypt from "bcryptjs";

// Cost 12 takes about a quarter of a second here, slow enough to resist offline guessing.
const BCRYPT_COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
