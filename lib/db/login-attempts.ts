import type { Db, Tx } from "./client";

// Failed sign-ins allowed per email, and per client address, within the window.
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

// First keys of the two-key advisory locks, so an email and an address never share a lock.
const EMAIL_LOCK_SPACE = 7301;
const ADDRESS_LOCK_SPACE = 7302;

// Stored as the address of attempts whose client address is unknown (no trusted proxy).
export const UNKNOWN_ADDRESS = "unknown";

// The embedded database serves the app over one connection, so parallel sign-ins queue for it.
// Under load they waited longer than Prisma's default of 2 s for a transaction to start.
const TRANSACTION_WAIT_MS = 10_000;

export type SignInAttempt = { blocked: true } | { blocked: false; attemptId: string };

/**
 * Counts the failures of the email and of the address in the window and, when both are under
 * their limit, records this attempt as a failure in the same transaction. Transaction-level
 * advisory locks on the email and on the address serialise concurrent attempts, so N parallel
 * requests cannot all read the same count and all pass. The caller verifies the password next
 * and calls `clearFailedSignIns` when it matches, which removes the row again.
 *
 * A null `address` skips the per-address limit: one shared bucket for every client whose address
 * is unknown would let anyone lock everybody out with 20 wrong passwords.
 */
export async function beginSignInAttempt(
  db: Db,
  email: string,
  address: string | null,
): Promise<SignInAttempt> {
  return db.$transaction(
    async (tx) => {
      // Always the email first, then the address, so two attempts cannot deadlock.
      await lockText(tx, EMAIL_LOCK_SPACE, email);
      if (address !== null) await lockText(tx, ADDRESS_LOCK_SPACE, address);

      const since = new Date(Date.now() - FAILURE_WINDOW_MS);
      const byEmail = await tx.loginAttempt.count({ where: { email, createdAt: { gte: since } } });
      if (byEmail >= MAX_FAILURES_PER_EMAIL) return { blocked: true };

      if (address !== null) {
        const byAddress = await tx.loginAttempt.count({
          where: { address, createdAt: { gte: since } },
        });
        if (byAddress >= MAX_FAILURES_PER_ADDRESS) return { blocked: true };
      }

      const attempt = await tx.loginAttempt.create({
        data: { email, address: address ?? UNKNOWN_ADDRESS },
        select: { id: true },
      });

      return { blocked: false, attemptId: attempt.id };
    },
    { maxWait: TRANSACTION_WAIT_MS, timeout: TRANSACTION_WAIT_MS },
  );
}

// Held until the transaction ends. Texts whose hashes collide share a lock, which only serialises
// them.
async function lockText(tx: Tx, space: number, text: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${space}::int, hashtext(${text}))`;
}

/**
 * Forgets the email's failures after a successful sign-in, including the attempt that
 * `beginSignInAttempt` recorded, and prunes expired rows.
 */
export async function clearFailedSignIns(db: Db, email: string): Promise<void> {
  const expired = new Date(Date.now() - FAILURE_WINDOW_MS);
  await db.loginAttempt.deleteMany({ where: { OR: [{ email }, { createdAt: { lt: expired } }] } });
}
