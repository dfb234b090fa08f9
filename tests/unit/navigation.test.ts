import { describe, expect, it } from "vitest";

import { can } from "@/lib/auth/roles";
import { navigationFor } from "@/components/layout/navigation";

describe("role permissions", () => {
  it("shows each role only the areas it may open", () => {
    expect(navigationFor("ADMIN").map((item) => item.href)).toEqual([
      "/lookup",
      "/customers",
      "/reports",
      "/imports/registry",
    ]);
    expect(navigationFor("MANAGER").map((item) => item.href)).toEqual([
      "/lookup",
      "/customers",
      "/reports",
    ]);
    expect(navigationFor("OPERATOR").map((item) => item.href)).toEqual(["/lookup"]);
  });

  it("lets only admins record entries and import", () => {
    expect(can("ADMIN", "recordLedgerEntry")).toBe(true);
    expect(can("MANAGER", "recordLedgerEntry")).toBe(false);
    expect(can("OPERATOR", "recordLedgerEntry")).toBe(false);
    expect(can("MANAGER", "importRegistry")).toBe(false);
    expect(can("OPERATOR", "viewCustomers")).toBe(false);
  });
});
