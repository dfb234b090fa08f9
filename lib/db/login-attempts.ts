import type { Db } from "./client";

// Failed sign-ins allowed per email, and per client address, within the window.
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** Returns true when the email or the address has used up its failed attempts in the window. */
export async function isSignInBlocked(db: Db, email: string, address: string): Promise<boolean> {
  const since = new Date(Date.now() - FAILURE_WINDOW_MS);
  const [byEmail, byAddress] = await Promise.all([
    db.loginAttempt.count({ where: { email, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { address, createdAt: { gte: since } } }),
  ]);

  return byEmail >= MAX_FAILURES_PER_EMAIL || byAddress >= MAX_FAILURES_PER_ADDRESS;
}

export async function recordFailedSignIn(db: Db, email: string, address: string): Promise<void> {
  await db.loginAttempt.create({ data: { email, address } });
}

/** Forgets the email's failures after a successful sign-in and prunes expired rows. */
export async function clearFailedSignIns(db: Db, email: string): Promise<void> {
  const expired = new Date(Date.now() - FAILURE_WINDOW_MS);
  await db.loginAttempt.deleteMany({ where: { OR: [{ email }, { createdAt: { lt: expired } }] } });
}
