// First run without demo data: the setup page creates the first administrator and the company
// details, and is closed for good once an active administrator exists.
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import type { SetupInput } from "@/lib/validations/setup";

import { recordAudit } from "./audit";
import type { Db } from "./client";
import type { Prisma } from "./generated/client";
import { COMPANY_SETTING } from "./company";

// Key of the advisory lock that serialises concurrent setup requests.
const SETUP_LOCK_KEY = 7303;

const globalForSetup = globalThis as unknown as { setupDone?: boolean };

/**
 * Returns true while no active administrator exists. Once one exists, the result is cached in
 * memory: the last active administrator cannot be demoted or deactivated, so it cannot change.
 */
export async function needsSetup(db: Db): Promise<boolean> {
  if (globalForSetup.setupDone) return false;

  const admins = await db.user.count({ where: { role: "ADMIN", active: true } });
  if (admins > 0) globalForSetup.setupDone = true;

  return admins === 0;
}

/**
 * Creates the first administrator and stores the company details, audited, in one transaction.
 * An advisory lock makes concurrent requests run one after the other, so only the first creates
 * an administrator. Throws CONFLICT (`setup.alreadyDone`) when an active administrator exists.
 */
export async function completeSetup(db: Db, input: SetupInput): Promise<{ adminId: string }> {
  const passwordHash = await hashPassword(input.password);

  const adminId = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY}::int, 0)`;
    const admins = await tx.user.count({ where: { role: "ADMIN", active: true } });
    if (admins > 0) throw new AppError("CONFLICT", "setup.alreadyDone");

    const existingUser = await tx.user.findUnique({ where: { email: input.adminEmail } });
    if (existingUser) {
      const values = { email: input.adminEmail };
      throw new AppError("CONFLICT", "users.emailTaken", {
        values,
        fields: [{ field: "adminEmail", message: "users.emailTaken", values }],
      });
    }

    const admin = await tx.user.create({
      data: { email: input.adminEmail, name: input.adminName, role: "ADMIN", passwordHash },
      select: { id: true, email: true, name: true, role: true },
    });
    const previous = await tx.setting.findUnique({ where: { key: COMPANY_SETTING } });
    await tx.setting.upsert({
      where: { key: COMPANY_SETTING },
      create: { key: COMPANY_SETTING, value: input.company },
      update: { value: input.company },
    });

    await recordAudit(tx, {
      actorId: admin.id,
      action: "setup.complete",
      entityType: "User",
      entityId: admin.id,
      after: { email: admin.email, name: admin.name, role: admin.role, active: true },
    });
    await recordAudit(tx, {
      actorId: admin.id,
      action: "settings.company.update",
      entityType: "Setting",
      entityId: COMPANY_SETTING,
      before: (previous?.value ?? {}) as Prisma.InputJsonValue,
      after: input.company,
    });

    return admin.id;
  });
  globalForSetup.setupDone = true;

  return { adminId };
}
