// Small helpers shared by the start and test scripts.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const NEXT_BIN = require.resolve("next/dist/bin/next");
export const TSX_BIN = require.resolve("tsx/cli");

/** Runs a command to completion without blocking the event loop; rejects on a non-zero exit. */
export function run(command, args, { env = process.env, label = command } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: "inherit" });

    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Runs a Node.js script with the current Node.js binary. */
export function runNode(script, args = [], options = {}) {
  return run(process.execPath, [script, ...args], { label: script, ...options });
}
