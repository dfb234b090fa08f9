import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";

import { recordAudit } from "../audit";
import type { Db } from "../client";

/**
 * Replaces the user's password after checking the current one, clears the must-change flag and
 * audits the change (without any password or hash). Throws VALIDATION
 * (`users.currentPasswordWrong`) when the current password does not match, and NOT_FOUND
 * (`users.notFound`).
 */
export async function changeOwnPassword(
  db: Db,
  options: { userId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await db.user.findUnique({
    where: { id: options.userId },
    select: { id: true, passwordHash: true, active: true, mustChangePassword: true },
  });
  if (!user || !user.active) throw new AppError("NOT_FOUND", "users.notFound");

  if (!(await verifyPassword(options.currentPassword, user.passwordHash))) {
    throw new AppError("VALIDATION", "users.currentPasswordWrong", {
      fields: [{ field: "currentPassword", message: "users.currentPasswordWrong" }],
    });
  }

  const passwordHash = await hashPassword(options.newPassword);
  await db.$transaction(async (tx) => {
    // Matching the old hash makes a concurrent change of the same password fail instead of being
    // overwritten unseen.
    const updated = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash, mustChangePassword: false },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "users.passwordChangedMeanwhile");

    await recordAudit(tx, {
      actorId: user.id,
      action: "user.changePassword",
      entityType: "User",
      entityId: user.id,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false },
    });
  });
}
