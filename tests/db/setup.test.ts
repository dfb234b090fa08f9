import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { POST as setupPost } from "@/app/api/setup/route";
import { verifyPassword } from "@/lib/auth/password";
import { getCompanyDetails } from "@/lib/db/company";
import { completeSetup, needsSetup } from "@/lib/db/setup";
import { setupSchema } from "@/lib/validations/setup";

import { type ErrorJson, postJson, useTestDatabaseInHandlers } from "./api-fixtures";
import { rejectionOf } from "./app-error";
import { createUser, resetDatabase, testDb } from "./helpers";

const VALID_INPUT = {
  adminName: "Giulia Bianchi",
  adminEmail: "Giulia@Example.test",
  password: "first-admin-pass",
  confirmPassword: "first-admin-pass",
  // 01234567897 has the right check digit; spaces and the IT prefix are accepted.
  company: {
    name: "Assistenza Rossi S.r.l.",
    address: "Via Roma 1, Milano",
    vatNumber: "IT 0123 4567 897",
  },
};

// needsSetup caches a positive result for the life of the process, so each test clears it.
function forgetSetupState() {
  delete (globalThis as { setupDone?: boolean }).setupDone;
}

beforeAll(() => useTestDatabaseInHandlers());

describe("first-run setup", () => {
  beforeEach(async () => {
    await resetDatabase();
    forgetSetupState();
  });

  it("is needed only without an active admin", async () => {
    await createUser("OPERATOR");
    const inactive = await createUser("ADMIN");
    await testDb().user.update({ where: { id: inactive.id }, data: { active: false } });

    expect(await needsSetup(testDb())).toBe(true);

    await createUser("ADMIN");
    expect(await needsSetup(testDb())).toBe(false);
  });

  it("creates the admin and the company details", async () => {
    const { adminId } = await completeSetup(testDb(), setupSchema.parse(VALID_INPUT));
    const admin = await testDb().user.findUniqueOrThrow({ where: { id: adminId } });
    const events = await testDb().auditEvent.findMany({ orderBy: { action: "asc" } });

    expect(admin.email).toBe("giulia@example.test");
    expect(admin.role).toBe("ADMIN");
    expect(admin.mustChangePassword).toBe(false);
    expect(await verifyPassword("first-admin-pass", admin.passwordHash)).toBe(true);
    expect(await getCompanyDetails(testDb())).toEqual({
      name: "Assistenza Rossi S.r.l.",
      address: "Via Roma 1, Milano",
      vatNumber: "01234567897",
    });
    expect(events.map((event) => event.action)).toEqual([
      "settings.company.update",
      "setup.complete",
    ]);
    expect(await needsSetup(testDb())).toBe(false);
  });

  it("creates one admin under concurrent requests", async () => {
    const inputs = Array.from({ length: 5 }, (_, index) =>
      setupSchema.parse({ ...VALID_INPUT, adminEmail: `admin${index}@example.test` }),
    );

    const results = await Promise.allSettled(inputs.map((input) => completeSetup(testDb(), input)));
    const rejected = results.filter((result) => result.status === "rejected");

    expect(await testDb().user.count()).toBe(1);
    expect(rejected).toHaveLength(4);
    for (const result of rejected) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({
        code: "CONFLICT",
        messageKey: "setup.alreadyDone",
      });
    }
  });

  it("rejects a second setup", async () => {
    await completeSetup(testDb(), setupSchema.parse(VALID_INPUT));

    const error = await rejectionOf(
      completeSetup(
        testDb(),
        setupSchema.parse({ ...VALID_INPUT, adminEmail: "other@example.test" }),
      ),
    );

    expect(error.messageKey).toBe("setup.alreadyDone");
    expect(await testDb().user.count()).toBe(1);
  });
});

describe("VAT number check", () => {
  // Returns the message of the VAT number's issue, or null when the input is valid.
  const vatIssue = (vatNumber: string) => {
    const result = setupSchema.safeParse({
      ...VALID_INPUT,
      company: { ...VALID_INPUT.company, vatNumber },
    });
    if (result.success) return null;

    return result.error.issues.find((issue) => issue.path[1] === "vatNumber")?.message;
  };

  it("accepts a correct check digit", () => {
    expect(vatIssue("01234567897")).toBeNull();
  });

  it("rejects a wrong check digit", () => {
    expect(vatIssue("01234567890")).toBe("setup.vatNumberCheckDigit");
  });

  it("rejects a wrong length or letters", () => {
    expect(vatIssue("0123456789")).toBe("setup.vatNumberFormat");
    expect(vatIssue("0123456789A")).toBe("setup.vatNumberFormat");
  });
});

describe("POST /api/setup", () => {
  beforeEach(async () => {
    await resetDatabase();
    forgetSetupState();
  });

  it("creates the admin on an empty database", async () => {
    const response = await setupPost(postJson("/api/setup", VALID_INPUT));

    expect(response.status).toBe(201);
    expect(await testDb().user.count({ where: { role: "ADMIN" } })).toBe(1);
  });

  it("rejects a wrong VAT number and writes nothing", async () => {
    const input = { ...VALID_INPUT, company: { ...VALID_INPUT.company, vatNumber: "01234567890" } };

    const response = await setupPost(postJson("/api/setup", input));
    const body = (await response.json()) as ErrorJson;

    expect(response.status).toBe(400);
    expect(body.error.fields.map((field) => field.field)).toEqual(["company.vatNumber"]);
    expect(body.error.message).toContain("cifra di controllo");
    expect(await testDb().user.count()).toBe(0);
    expect(await testDb().setting.count()).toBe(0);
  });

  it("returns 404 once an admin exists", async () => {
    await createUser("ADMIN");

    const response = await setupPost(postJson("/api/setup", VALID_INPUT));
    const body = (await response.json()) as ErrorJson;

    expect(response.status).toBe(404);
    expect(body.error.reason).toBe("setup.alreadyDone");
    expect(await testDb().user.count()).toBe(1);
  });
});
