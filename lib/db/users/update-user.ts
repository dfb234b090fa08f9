import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

import { recordAudit } from "../audit";
import type { Db, Tx } from "../client";
import { assertNotLastAdmin, lockActiveAdmins } from "./admin-lock";
import { type UserSummary, userSummarySelect } from "./user-summary";

/**
 * Changes a user's role and audits it. Setting the current role again changes nothing. Throws
 * NOT_FOUND (`users.notFound`) and CONFLICT (`users.lastAdmin`) when the user is the only active
 * administrator and the new role is not ADMIN.
 */
export async function changeUserRole(
  db: Db,
  options: { id: string; role: Role; actorId: string },
): Promise<UserSummary> {
  return db.$transaction(async (tx) => {
    // Both functions here lock the active administrators in id order before the target row, so
    // they cannot deadlock with each other.
    await lockActiveAdmins(tx);
    const user = await lockUser(tx, options.id);
    if (user.role === options.role) return user;
    if (user.role === "ADMIN" && user.active) await assertNotLastAdmin(tx, user.id);

    const updated = await tx.user.update({
      where: { id: user.id },
      data: { role: options.role },
      select: userSummarySelect,
    });
    await recordAudit(tx, {
      actorId: options.actorId,
      action: "user.changeRole",
      entityType: "User",
      entityId: user.id,
      before: { role: user.role },
      after: { role: updated.role },
    });

    return updated;
  });
}

/**
 * Deactivates or reactivates a user and audits it. A deactivated user cannot sign in, and their
 * open sessions stop working at the next request, because every request reads the active flag.
 * Throws NOT_FOUND (`users.notFound`) and CONFLICT (`users.lastAdmin`).
 */
export async function setUserActive(
  db: Db,
  options: { id: string; active: boolean; actorId: string },
): Promise<UserSummary> {
  return db.$transaction(async (tx) => {
    await lockActiveAdmins(tx);
    const user = await lockUser(tx, options.id);
    if (user.active === options.active) return user;
    if (!options.active && user.role === "ADMIN") await assertNotLastAdmin(tx, user.id);

    const updated = await tx.user.update({
      where: { id: user.id },
      data: { active: options.active },
      select: userSummarySelect,
    });
    await recordAudit(tx, {
      actorId: options.actorId,
      action: options.active ? "user.reactivate" : "user.deactivate",
      entityType: "User",
      entityId: user.id,
      before: { active: user.active },
      after: { active: updated.active },
    });

    return updated;
  });
}

async function lockUser(tx: Tx, id: string): Promise<UserSummary> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND", "users.notFound");

  return tx.user.findUniqueOrThrow({ where: { id }, select: userSummarySelect });
}
