import { AppError } from "@/lib/errors";

import type { Tx } from "../client";

/**
 * Locks the rows of every active administrator (FOR UPDATE, in id order) and returns their ids.
 * Two transactions that each remove a different administrator queue here, and the second one
 * counts the administrators left after the first commits, so both cannot leave zero.
 */
export async function lockActiveAdmins(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`;

  return rows.map((row) => row.id);
}

/** Throws CONFLICT (`users.lastAdmin`) when `userId` is the only active administrator left. */
export async function assertNotLastAdmin(tx: Tx, userId: string): Promise<void> {
  const admins = await lockActiveAdmins(tx);
  if (admins.length === 1 && admins[0] === userId) {
    throw new AppError("CONFLICT", "users.lastAdmin");
  }
}
