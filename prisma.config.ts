import path from "node:path";

import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  // A short idle timeout lets each CLI command exit as soon as it is done.
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "", idleTimeoutMillis: 500 }),
});
