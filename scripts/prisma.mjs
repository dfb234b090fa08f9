#!/usr/bin/env node
// Runs the Prisma CLI without native engines. Prisma 6.19 with `engineType = "client"` and the
// driver adapter in prisma.config.ts never runs the engine binaries, but the CLI still checks for
// them and tries to download them when they are absent, which fails on machines without internet
// access. Pointing the check at any existing file lets the command proceed.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env = { ...process.env };
env.PRISMA_QUERY_ENGINE_LIBRARY ??= process.execPath;
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE ??= "1";

const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  env,
  stdio: "inherit",
});

process.exit(result.status ?? 1);
