import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { hashRequest } from "@/lib/api/idempotency";
import { openApiDocument } from "@/lib/api/openapi";
import { MAX_SESSION_SECONDS } from "@/lib/domain/session-time";

const V1_DIR = path.join(import.meta.dirname, "../../app/api/v1");

// Every route.ts under app/api/v1 with its URL path and the HTTP methods it exports.
function routeFiles(dir = V1_DIR): { path: string; methods: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts") return [];

    const source = readFileSync(full, "utf8");
    const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST)\b/g)]
      .map((match) => match[1].toLowerCase())
      .sort();
    const urlPath = `/api/v1/${path.relative(V1_DIR, dir).split(path.sep).join("/")}`;

    return [{ path: urlPath.replace(/\/$/, ""), methods }];
  });
}

// Every `$ref` value anywhere in `value`.
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== "object") return [];

  return Object.entries(value).flatMap(([key, item]) =>
    key === "$ref" && typeof item === "string" ? [item] : refsIn(item),
  );
}

describe("OpenAPI document", () => {
  it("describes every v1 route and method", () => {
    const documented = Object.entries(openApiDocument.paths).map(([urlPath, operations]) => ({
      path: urlPath,
      methods: Object.keys(operations).sort(),
    }));
    // The document itself and the catch-all 404 of unknown paths are the routes it does not list.
    const routes = routeFiles().filter(
      (route) => route.path !== "/api/v1/openapi.json" && !route.path.includes("[..."),
    );

    expect(documented.sort((a, b) => a.path.localeCompare(b.path))).toEqual(
      routes.sort((a, b) => a.path.localeCompare(b.path)),
    );
  });

  it("resolves every schema reference", () => {
    const schemas = Object.keys(openApiDocument.components.schemas);

    for (const ref of refsIn(openApiDocument)) {
      expect(schemas).toContain(ref.replace("#/components/schemas/", ""));
    }
  });

  it("states the record input's bounds", () => {
    const record = openApiDocument.components.schemas.RecordSessionInput as {
      required: string[];
      properties: Record<string, { type?: string; minimum?: number; maximum?: number }>;
    };

    expect(record.required).toContain("startedAt");
    expect(record.properties.durationSeconds).toMatchObject({
      type: "integer",
      minimum: 0,
      maximum: MAX_SESSION_SECONDS,
    });
  });

  it("requires an offset in request dates", () => {
    const record = openApiDocument.components.schemas.RecordSessionInput as {
      properties: Record<string, { format?: string; pattern?: string }>;
    };

    const pattern = new RegExp(record.properties.startedAt.pattern ?? "");

    expect(record.properties.startedAt.format).toBe("date-time");
    expect(pattern.test("2026-05-14T10:00:00+02:00")).toBe(true);
    expect(pattern.test("2026-05-14T10:00:00Z")).toBe(true);
    expect(pattern.test("2026-05-14T10:00:00")).toBe(false);
    expect(Object.keys(record.properties)).toEqual(
      expect.arrayContaining(["code", "startedAt", "endedAt", "durationSeconds", "customerCode"]),
    );
  });

  it("documents the error reasons of each write", () => {
    const end = openApiDocument.paths["/api/v1/sessions/end"].post;

    expect(end?.responses["404"].description).toContain("session.unknownCode");
    expect(end?.responses["401"].description).toContain("api.keyRevoked");
    expect(end?.responses["409"].description).toContain("api.idempotencyKeyReused");
  });
});

describe("hashRequest", () => {
  it("ignores the order of object keys", () => {
    expect(hashRequest("POST", "/p", { a: 1, b: { c: [1, 2], d: null } })).toBe(
      hashRequest("post", "/p", { b: { d: null, c: [1, 2] }, a: 1 }),
    );
  });

  it("depends on path, body and array order", () => {
    const base = hashRequest("POST", "/p", { a: [1, 2] });

    expect(hashRequest("POST", "/q", { a: [1, 2] })).not.toBe(base);
    expect(hashRequest("POST", "/p", { a: [2, 1] })).not.toBe(base);
    expect(hashRequest("POST", "/p", { a: [1, 2], b: 1 })).not.toBe(base);
  });
});
