import { beforeEach, describe, expect, it } from "vitest";

import { verifyPassword } from "@/lib/auth/password";
import {
  changeOwnPassword,
  changeUserRole,
  inviteUser,
  listUsers,
  setUserActive,
} from "@/lib/db/users";

import { rejectionOf } from "./app-error";
import { createUser, resetDatabase, testDb } from "./helpers";

describe("users", () => {
  beforeEach(resetDatabase);

  it("invites with a temporary password", async () => {
    const admin = await createUser("ADMIN");

    const { user, temporaryPassword } = await inviteUser(testDb(), {
      email: "new@example.test",
      name: "New Operator",
      role: "OPERATOR",
      actorId: admin.id,
    });
    const stored = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    const [event] = await testDb().auditEvent.findMany({ where: { entityId: user.id } });

    expect(stored.mustChangePassword).toBe(true);
    expect(await verifyPassword(temporaryPassword, stored.passwordHash)).toBe(true);
    expect(event.action).toBe("user.invite");
    expect(event.actorId).toBe(admin.id);
    expect(JSON.stringify(event)).not.toContain(temporaryPassword);
    expect(JSON.stringify(event)).not.toContain(stored.passwordHash);
  });

  it("rejects a taken email and writes nothing", async () => {
    const admin = await createUser("ADMIN");
    await inviteUser(testDb(), {
      email: "dup@example.test",
      name: "First",
      role: "OPERATOR",
      actorId: admin.id,
    });

    const error = await rejectionOf(
      inviteUser(testDb(), {
        email: "dup@example.test",
        name: "Second",
        role: "MANAGER",
        actorId: admin.id,
      }),
    );

    expect(error.code).toBe("CONFLICT");
    expect(error.messageKey).toBe("users.emailTaken");
    expect(await testDb().user.count()).toBe(2);
    expect(await testDb().auditEvent.count()).toBe(1);
  });

  it("changes a role and audits before and after", async () => {
    const admin = await createUser("ADMIN");
    const operator = await createUser("OPERATOR");

    const updated = await changeUserRole(testDb(), {
      id: operator.id,
      role: "MANAGER",
      actorId: admin.id,
    });
    const [event] = await testDb().auditEvent.findMany({ where: { entityId: operator.id } });

    expect(updated.role).toBe("MANAGER");
    expect(event.action).toBe("user.changeRole");
    expect(event.before).toEqual({ role: "OPERATOR" });
    expect(event.after).toEqual({ role: "MANAGER" });
  });

  it("refuses to demote the last active admin", async () => {
    const admin = await createUser("ADMIN");
    // An inactive admin does not count.
    const inactive = await createUser("ADMIN");
    await testDb().user.update({ where: { id: inactive.id }, data: { active: false } });

    const error = await rejectionOf(
      changeUserRole(testDb(), { id: admin.id, role: "OPERATOR", actorId: admin.id }),
    );
    const stored = await testDb().user.findUniqueOrThrow({ where: { id: admin.id } });

    expect(error.code).toBe("CONFLICT");
    expect(error.messageKey).toBe("users.lastAdmin");
    expect(stored.role).toBe("ADMIN");
    expect(await testDb().auditEvent.count()).toBe(0);
  });

  it("refuses to deactivate the last active admin", async () => {
    const admin = await createUser("ADMIN");

    const error = await rejectionOf(
      setUserActive(testDb(), { id: admin.id, active: false, actorId: admin.id }),
    );
    const stored = await testDb().user.findUniqueOrThrow({ where: { id: admin.id } });

    expect(error.messageKey).toBe("users.lastAdmin");
    expect(stored.active).toBe(true);
  });

  it("keeps one admin when two are removed concurrently", async () => {
    const first = await createUser("ADMIN");
    const second = await createUser("ADMIN");

    const results = await Promise.allSettled([
      setUserActive(testDb(), { id: first.id, active: false, actorId: second.id }),
      changeUserRole(testDb(), { id: second.id, role: "OPERATOR", actorId: first.id }),
    ]);
    const admins = await testDb().user.count({ where: { role: "ADMIN", active: true } });
    const rejected = results.filter((result) => result.status === "rejected");

    expect(admins).toBe(1);
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({
      messageKey: "users.lastAdmin",
    });
    expect(await testDb().auditEvent.count()).toBe(1);
  });

  it("keeps one admin among many concurrent deactivations", async () => {
    const admins = await Promise.all(Array.from({ length: 6 }, () => createUser("ADMIN")));

    await Promise.allSettled(
      admins.map((admin) =>
        setUserActive(testDb(), { id: admin.id, active: false, actorId: admin.id }),
      ),
    );

    expect(await testDb().user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
    expect(await testDb().auditEvent.count({ where: { action: "user.deactivate" } })).toBe(5);
  });

  it("deactivates and reactivates with audit", async () => {
    const admin = await createUser("ADMIN");
    const operator = await createUser("OPERATOR");

    await setUserActive(testDb(), { id: operator.id, active: false, actorId: admin.id });
    const listed = await listUsers(testDb());
    await setUserActive(testDb(), { id: operator.id, active: true, actorId: admin.id });
    const events = await testDb().auditEvent.findMany({
      where: { entityId: operator.id },
      orderBy: { createdAt: "asc" },
    });

    expect(listed.at(-1)?.id).toBe(operator.id);
    expect(listed.at(-1)?.active).toBe(false);
    expect(events.map((event) => event.action)).toEqual(["user.deactivate", "user.reactivate"]);
    expect(events[0].before).toEqual({ active: true });
    expect(events[0].after).toEqual({ active: false });
  });

  it("rejects an unknown user", async () => {
    const admin = await createUser("ADMIN");

    const error = await rejectionOf(
      changeUserRole(testDb(), { id: "missing", role: "MANAGER", actorId: admin.id }),
    );

    expect(error.code).toBe("NOT_FOUND");
  });

  it("changes the own password and clears the flag", async () => {
    const admin = await createUser("ADMIN");
    const { user, temporaryPassword } = await inviteUser(testDb(), {
      email: "pw@example.test",
      name: "Pw",
      role: "OPERATOR",
      actorId: admin.id,
    });

    await changeOwnPassword(testDb(), {
      userId: user.id,
      currentPassword: temporaryPassword,
      newPassword: "a-new-long-password",
    });
    const stored = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    const event = await testDb().auditEvent.findFirstOrThrow({
      where: { action: "user.changePassword" },
    });

    expect(stored.mustChangePassword).toBe(false);
    expect(await verifyPassword("a-new-long-password", stored.passwordHash)).toBe(true);
    expect(event.actorId).toBe(user.id);
    expect(JSON.stringify(event)).not.toContain("a-new-long-password");
  });

  it("rejects a wrong current password", async () => {
    const admin = await createUser("ADMIN");
    const { user } = await inviteUser(testDb(), {
      email: "pw2@example.test",
      name: "Pw",
      role: "OPERATOR",
      actorId: admin.id,
    });
    const before = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });

    const error = await rejectionOf(
      changeOwnPassword(testDb(), {
        userId: user.id,
        currentPassword: "not-the-password",
        newPassword: "a-new-long-password",
      }),
    );
    const after = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });

    expect(error.messageKey).toBe("users.currentPasswordWrong");
    expect(error.fields[0]?.field).toBe("currentPassword");
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.mustChangePassword).toBe(true);
  });
});
