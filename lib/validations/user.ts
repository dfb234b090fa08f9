import { z } from "zod";

import { ROLES } from "@/lib/auth/roles";

// Error messages are keys under `errors.` in messages/*.json.

// bcrypt reads at most 72 bytes, so a longer password would be silently truncated.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_BYTES = 72;

export const passwordSchema = z
  .string({ error: "users.passwordTooShort" })
  .min(PASSWORD_MIN_LENGTH, { error: "users.passwordTooShort" })
  .refine((value) => Buffer.byteLength(value, "utf8") <= PASSWORD_MAX_BYTES, {
    error: "users.passwordTooLong",
  });

export const emailSchema = z
  .string({ error: "users.emailInvalid" })
  .trim()
  .toLowerCase()
  .max(254, { error: "users.emailInvalid" })
  .pipe(z.email({ error: "users.emailInvalid" }));

export const personNameSchema = z
  .string({ error: "users.nameInvalid" })
  .trim()
  .min(1, { error: "users.nameInvalid" })
  .max(100, { error: "users.nameInvalid" });

export const roleSchema = z.enum(ROLES, { error: "users.roleInvalid" });

export const inviteUserSchema = z.object({
  email: emailSchema,
  name: personNameSchema,
  role: roleSchema,
});

// One change per request: the role, or the active flag.
export const updateUserSchema = z
  .object({
    role: roleSchema.optional(),
    active: z.boolean({ error: "users.activeInvalid" }).optional(),
  })
  .strict()
  .refine((input) => (input.role === undefined) !== (input.active === undefined), {
    error: "users.changeInvalid",
  });

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "users.currentPasswordMissing" })
      .min(1, { error: "users.currentPasswordMissing" })
      .max(1000, { error: "users.currentPasswordWrong" }),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: "users.passwordsDiffer" }),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    error: "users.passwordsDiffer",
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    error: "users.passwordUnchanged",
  });

export type InviteUserInput = z.infer<typeof inviteUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
