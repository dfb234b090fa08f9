import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { readableKey } from "@/lib/i18n/readable-key";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE_FOLDERS = ["lib", "app", "prisma"];
// `action: "a.b"`, and `action: condition ? "a.b" : "a.c"` for actions chosen at run time.
const ACTION_PATTERN = /action:\s*(?:[^"\n]*\?\s*)?"([A-Za-z.]+)"(?:\s*:\s*"([A-Za-z.]+)")?/g;
// Entity types are model names, so capitalised. This skips `orderBy: { entityType: "asc" }`.
const ENTITY_PATTERN = /entityType:\s*"([A-Z][A-Za-z]+)"/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(file).isDirectory()) return sourceFiles(file);

    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

function collect(pattern: RegExp): string[] {
  const found = new Set<string>();
  for (const folder of SOURCE_FOLDERS) {
    for (const file of sourceFiles(path.join(ROOT, folder))) {
      for (const match of readFileSync(file, "utf8").matchAll(pattern)) {
        for (const key of match.slice(1)) if (key) found.add(key);
      }
    }
  }

  return [...found].sort();
}

function lookup(messages: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      messages,
    );
}

function auditMessages(locale: string) {
  const file = path.join(ROOT, "messages", locale, "audit.json");

  return JSON.parse(readFileSync(file, "utf8")) as { actions: unknown; entities: unknown };
}

describe("audit translations", () => {
  const actions = collect(ACTION_PATTERN);
  const entities = collect(ENTITY_PATTERN);

  it("finds the actions the code writes", () => {
    expect(actions).toContain("postpaid.close");
    expect(actions).toContain("user.deactivate");
    expect(actions).toContain("customer.reactivate");
    expect(actions).toContain("ledger.reverse");
    expect(actions).toContain("demo.seed");
    expect(entities).toContain("BillingMonth");
  });

  for (const locale of ["it", "en"]) {
    it(`translates every action in ${locale}`, () => {
      const messages = auditMessages(locale);
      const missing = actions.filter(
        (action) => typeof lookup(messages.actions, action) !== "string",
      );

      expect(missing).toEqual([]);
    });

    it(`translates every entity type in ${locale}`, () => {
      const messages = auditMessages(locale);
      const missing = entities.filter(
        (entity) => typeof lookup(messages.entities, entity) !== "string",
      );

      expect(missing).toEqual([]);
    });
  }
});

describe("readableKey", () => {
  it("splits dots and camel case", () => {
    expect(readableKey("postpaid.close")).toBe("Postpaid close");
    expect(readableKey("session.exhaustedCreditDecision")).toBe(
      "Session exhausted credit decision",
    );
    expect(readableKey("BillingMonth")).toBe("Billing month");
  });
});
