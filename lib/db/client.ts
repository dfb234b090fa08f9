import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function createPrismaClient(connectionString = process.env.DATABASE_URL): PrismaClient {
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start`, which sets it.");
  }

  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DB_POOL_SIZE ?? 10) });

  return new PrismaClient({ adapter });
}

// One client per process: Next.js reloads modules in development, and each client owns a pool.
export function getDb(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient();

  return globalForPrisma.prisma;
}
