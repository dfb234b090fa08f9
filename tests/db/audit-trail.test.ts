import { beforeEach, describe, expect, it } from "vitest";

import { recordAudit } from "@/lib/db/audit";
import { AUDIT_PAGE_SIZE, listAuditEvents, listAuditFilterOptions } from "@/lib/db/audit-trail";
import { setGlobalBillingRules } from "@/lib/db/sessions";
import { parseAuditFilters } from "@/lib/validations/audit-filters";

import { createUser, resetDatabase, testDb } from "./helpers";

async function addEvent(options: { actorId: string; entityType: string }) {
  await testDb().$transaction((tx) =>
    recordAudit(tx, {
      actorId: options.actorId,
      action: "test.change",
      entityType: options.entityType,
      entityId: "e1",
      before: { value: 1 },
      after: { value: 2 },
    }),
  );
}

// The trigger forbids UPDATE, so an event with a past timestamp is inserted with it.
async function insertEventAt(actorId: string, entityType: string, createdAt: Date) {
  await testDb().auditEvent.create({
    data: { actorId, action: "test.change", entityType, entityId: "e1", createdAt },
  });
}

describe("audit trail", () => {
  beforeEach(resetDatabase);

  it("rejects UPDATE and DELETE of an event", async () => {
    const admin = await createUser("ADMIN");
    await addEvent({ actorId: admin.id, entityType: "User" });
    const [event] = await testDb().auditEvent.findMany();

    const update = testDb().$executeRaw`
      UPDATE "AuditEvent" SET action = 'forged' WHERE id = ${event.id}`;
    const remove = testDb().$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${event.id}`;

    await expect(update).rejects.toThrow(/append-only|not allowed|reject/i);
    await expect(remove).rejects.toThrow(/append-only|not allowed|reject/i);
    const stored = await testDb().auditEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored.action).toBe("test.change");
  });

  it("filters by entity type and user", async () => {
    const first = await createUser("ADMIN");
    const second = await createUser("ADMIN");
    await addEvent({ actorId: first.id, entityType: "User" });
    await addEvent({ actorId: first.id, entityType: "ApiKey" });
    await addEvent({ actorId: second.id, entityType: "User" });

    const users = await listAuditEvents(testDb(), { filters: { entityType: "User" }, page: 1 });
    const byFirst = await listAuditEvents(testDb(), { filters: { actorId: first.id }, page: 1 });
    const both = await listAuditEvents(testDb(), {
      filters: { entityType: "User", actorId: second.id },
      page: 1,
    });
    const options = await listAuditFilterOptions(testDb());

    expect(users.total).toBe(2);
    expect(byFirst.total).toBe(2);
    expect(both.total).toBe(1);
    expect(both.events[0].actor?.id).toBe(second.id);
    expect(options.entityTypes).toEqual(["ApiKey", "User"]);
  });

  it("filters by business days", async () => {
    const admin = await createUser("ADMIN");
    // 23:30 UTC on 1 November is 00:30 on 2 November in Rome.
    await insertEventAt(admin.id, "User", new Date("2026-11-01T23:30:00Z"));
    await insertEventAt(admin.id, "User", new Date("2026-11-01T22:30:00Z"));
    await insertEventAt(admin.id, "User", new Date("2026-11-03T10:00:00Z"));
    const parsed = parseAuditFilters({ from: "02/11/2026", to: "02/11/2026" });
    if (!parsed.ok) throw new Error("filters should be valid");

    const result = await listAuditEvents(testDb(), { filters: parsed.filters, page: 1 });

    expect(result.total).toBe(1);
    expect(result.events[0].createdAt.toISOString()).toBe("2026-11-01T23:30:00.000Z");
  });

  it("pages newest first", async () => {
    const admin = await createUser("ADMIN");
    for (let index = 0; index < AUDIT_PAGE_SIZE + 3; index += 1) {
      await insertEventAt(admin.id, "User", new Date(Date.UTC(2026, 10, 1, 0, index)));
    }

    const first = await listAuditEvents(testDb(), { filters: {}, page: 1 });
    const second = await listAuditEvents(testDb(), { filters: {}, page: 2 });

    expect(first.total).toBe(AUDIT_PAGE_SIZE + 3);
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(second.events).toHaveLength(3);
    expect(first.events[0].createdAt.getTime()).toBeGreaterThan(
      first.events[1].createdAt.getTime(),
    );
    expect(second.events.at(-1)?.createdAt.toISOString()).toBe("2026-11-01T00:00:00.000Z");
  });

  it("records billing rule changes with before and after", async () => {
    const admin = await createUser("ADMIN");

    await setGlobalBillingRules(testDb(), {
      rules: { roundingIncrementMinutes: 5 },
      actorId: admin.id,
    });
    await setGlobalBillingRules(testDb(), {
      rules: { roundingIncrementMinutes: 15 },
      actorId: admin.id,
    });
    const events = await testDb().auditEvent.findMany({
      where: { entityType: "Setting" },
      orderBy: { createdAt: "asc" },
    });

    expect(events).toHaveLength(2);
    expect(events[1].before).toEqual({ roundingIncrementMinutes: 5 });
    expect(events[1].after).toEqual({ roundingIncrementMinutes: 15 });
  });
});

describe("audit filters", () => {
  it("reports an invalid date and a reversed range", () => {
    const invalid = parseAuditFilters({ from: "31/02/2026" });
    const reversed = parseAuditFilters({ from: "10/11/2026", to: "01/11/2026" });

    expect(invalid.ok ? [] : invalid.issues.map((issue) => issue.message)).toEqual([
      "audit.filterDateInvalid",
    ]);
    expect(reversed.ok ? [] : reversed.issues.map((issue) => issue.message)).toEqual([
      "audit.filterEndBeforeStart",
    ]);
  });
});
