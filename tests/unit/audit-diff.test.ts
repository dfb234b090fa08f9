import { describe, expect, it } from "vitest";

import { diffAuditValues } from "@/lib/domain/audit-diff";

describe("diffAuditValues", () => {
  it("lists only changed fields", () => {
    const changes = diffAuditValues(
      { role: "OPERATOR", name: "Anna" },
      { role: "MANAGER", name: "Anna" },
    );

    expect(changes).toEqual([{ field: "role", before: "OPERATOR", after: "MANAGER" }]);
  });

  it("marks fields added or removed", () => {
    const changes = diffAuditValues({ a: 1 }, { b: true });

    expect(changes).toEqual([
      { field: "a", before: "1", after: null },
      { field: "b", before: null, after: "true" },
    ]);
  });

  it("treats a missing snapshot as empty", () => {
    expect(diffAuditValues(null, { email: "x@example.test" })).toEqual([
      { field: "email", before: null, after: "x@example.test" },
    ]);
  });

  it("compares nested values as JSON", () => {
    const changes = diffAuditValues({ types: ["a", "b"] }, { types: ["a", "b"] });

    expect(changes).toEqual([]);
  });

  it("wraps a scalar snapshot", () => {
    expect(diffAuditValues(5, 7)).toEqual([{ field: "value", before: "5", after: "7" }]);
  });

  it("shortens long values", () => {
    const [change] = diffAuditValues({}, { comment: "x".repeat(500) });

    expect(change.after).toHaveLength(200);
    expect(change.after?.endsWith("…")).toBe(true);
  });
});
