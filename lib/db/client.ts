import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pool?: pg.Pool };

/** Creates the connection pool that the Prisma client and the job queue share. */
export function createPool(connectionString = process.env.DATABASE_URL): pg.Pool {
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start`, which sets it.");
  }

  return new pg.Pool({ connectionString, max: Number(process.env.DB_POOL_SIZE ?? 10) });
}

/** Creates a Prisma client on `pool`, or on a pool of its own that $disconnect() closes. */
export function createPrismaClient(
  connectionString = process.env.DATABASE_URL,
  pool?: pg.Pool,
): PrismaClient {
  const adapter = pool
    ? new PrismaPg(pool)
    : new PrismaPg(createPool(connectionString), { disposeExternalPool: true });

  return new PrismaClient({ adapter });
}

// One pool per process. On the embedded database (DB_POOL_SIZE=1) every query of the app and of
// the job queue then waits for the same single connection, so their messages never interleave.
export function getPool(): pg.Pool {
  globalForPrisma.pool ??= createPool();

  return globalForPrisma.pool;
}

// One client per process: Next.js reloads modules in development, and each client owns a pool.
export function getDb(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient(undefined, getPool());

  return globalForPrisma.prisma;
}
