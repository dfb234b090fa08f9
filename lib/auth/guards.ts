import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

import { authOptions } from "./options";
import { can, type Permission, type Role } from "./roles";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  // Set for a temporary password: the user may open only the password change until it is done.
  mustChangePassword: boolean;
}

/**
 * Returns the signed-in user as stored now, or null. The role and the active flag are read from
 * the database on every request, so a demotion or deactivation applies at once.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (!userId) return null;

  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      locale: true,
      active: true,
      mustChangePassword: true,
    },
  });
  if (!user || !user.active) return null;

  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    mustChangePassword: user.mustChangePassword,
  };
}

// The page where a user with a temporary password chooses their own.
export const ACCOUNT_PATH = "/account";

/**
 * For pages: redirects to sign-in without a session and to the password change while the
 * password is temporary, and renders 403 without the permission.
 */
export async function requirePagePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requirePageUser();
  if (user.mustChangePassword) redirect(ACCOUNT_PATH);
  if (!can(user.role, permission)) forbidden();

  return user;
}

/** For pages every signed-in user may open, such as the account page. */
export async function requirePageUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");

  return user;
}

/**
 * For route handlers and server actions: throws UNAUTHENTICATED, FORBIDDEN without the
 * permission, or FORBIDDEN (`auth.passwordChangeRequired`) while the password is temporary.
 */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.mustChangePassword) {
    throw new AppError("FORBIDDEN", "auth.passwordChangeRequired");
  }
  if (!can(user.role, permission)) throw new AppError("FORBIDDEN", "auth.forbidden");

  return user;
}

/** For route handlers every signed-in user may call: throws UNAUTHENTICATED. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "auth.signInRequired");

  return user;
}
