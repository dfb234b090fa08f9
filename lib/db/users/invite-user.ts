import { hashPassword } from "@/lib/auth/password";
import { createTemporaryPassword } from "@/lib/auth/temporary-password";
import { AppError } from "@/lib/errors";
import type { InviteUserInput } from "@/lib/validations/user";

import { recordAudit } from "../audit";
import type { Db } from "../client";
import { Prisma } from "../generated/client";
import { type UserSummary, userSummarySelect } from "./user-summary";

/**
 * Creates a user with a temporary password that must be changed at the first sign-in, and audits
 * it. Returns the password in clear text: only its hash is stored, so this is the only time anyone
 * can read it. Throws CONFLICT (`users.emailTaken`) when the email has an account.
 */
export async function inviteUser(
  db: Db,
  options: InviteUserInput & { actorId: string },
): Promise<{ user: UserSummary; temporaryPassword: string }> {
  const temporaryPassword = createTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);

  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          email: options.email,
          name: options.name,
          role: options.role,
          passwordHash,
          mustChangePassword: true,
        },
        select: userSummarySelect,
      });
      await recordAudit(tx, {
        actorId: options.actorId,
        action: "user.invite",
        entityType: "User",
        entityId: created.id,
        after: { email: created.email, name: created.name, role: created.role, active: true },
      });

      return created;
    });

    return { user, temporaryPassword };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "users.emailTaken", {
        values: { email: options.email },
        fields: [{ field: "email", message: "users.emailTaken", values: { email: options.email } }],
        cause: error,
      });
    }
    throw error;
  }
}
