#!/usr/bin/env node
// `npm test`: every check, in order of speed: types, lint, unit tests, database integration tests
// on the embedded database (or on TEST_DATABASE_URL), then end-to-end tests in Chromium against a
// production build. Stops at the first failure.
import { existsSync } from "node:fs";
import path from "node:path";

import { runNode } from "./run.mjs";

// npm links each tool's entry script here; running it with `node` keeps one Node.js for all.
const bin = (name) => path.join("node_modules", ".bin", name);

// System packages the tests need, with the Debian package that provides each.
const SYSTEM_REQUIREMENTS = [
  {
    path: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    debianPackage: "chromium",
    use: "end-to-end tests",
  },
];

const missing = SYSTEM_REQUIREMENTS.filter((requirement) => !existsSync(requirement.path));
if (missing.length > 0) {
  for (const requirement of missing) {
    console.error(`Missing ${requirement.path}, needed for ${requirement.use}.`);
  }
  const packages = missing.map((requirement) => requirement.debianPackage).join(" ");
  console.error(`Install it with: sudo apt-get install -y ${packages}`);
  process.exit(1);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const steps = [
  ["types", () => runNode(bin("tsc"), ["--noEmit"], { env })],
  ["lint", () => runNode(bin("eslint"), ["."], { env })],
  ["unit tests", () => runNode(bin("vitest"), ["run", "--project", "unit"], { env })],
  ["database tests", () => runNode(bin("vitest"), ["run", "--project", "db"], { env })],
  ["end-to-end tests", () => runNode(bin("playwright"), ["test"], { env })],
];

for (const [name, step] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  try {
    await step();
  } catch (error) {
    console.error(`\n✖ ${name} failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  console.log(`✔ ${name} (${Math.round((Date.now() - started) / 1000)} s)`);
}
