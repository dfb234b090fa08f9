import { inject } from "vitest";

import { createPrismaClient, type Db } from "@/lib/db/client";

let client: Db | null = null;

/** Returns the Prisma client of the test database, created once per test file. */
export function testDb(): Db {
  client ??= createPrismaClient(inject("databaseUrl"));

  return client;
}

/** Empties every table, so each test starts from a blank database. */
export async function resetDatabase(): Promise<void> {
  const tables = await testDb().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  const list = tables.map(({ tablename }) => `"${tablename}"`).join(", ");

  await testDb().$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}

let counter = 0;

/** Creates a customer with a unique code. */
export async function createCustomer(overrides: { code?: string; name?: string } = {}) {
  counter += 1;

  return testDb().customer.create({
    data: {
      code: overrides.code ?? `T${process.pid}-${counter}`,
      name: overrides.name ?? `Test customer ${counter}`,
    },
  });
}

/** Creates an admin user (the password hash is a placeholder: these tests never sign in). */
export async function createUser(role: "ADMIN" | "MANAGER" | "OPERATOR" = "ADMIN") {
  counter += 1;

  return testDb().user.create({
    data: {
      email: `user${counter}-${process.pid}@example.test`,
      name: `User ${counter}`,
      role,
      passwordHash: "x",
    },
  });
}
