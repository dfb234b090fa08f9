import { describe, expect, it } from "vitest";

import { can } from "@/lib/auth/roles";
import { activeHref, navigationFor } from "@/components/layout/navigation";

describe("role permissions", () => {
  it("shows each role only the areas it may open", () => {
    expect(navigationFor("ADMIN").map((item) => item.href)).toEqual([
      "/lookup",
      "/dashboard",
      "/sessions/console",
      "/sessions/inbox",
      "/sessions",
      "/customers",
      "/reports",
      "/billing/close",
      "/reports/templates",
      "/imports/registry",
      "/imports/sessions",
      "/imports/opening-balances",
      "/settings/billing",
      "/settings/api-keys",
      "/settings/users",
      "/audit",
    ]);
    expect(navigationFor("MANAGER").map((item) => item.href)).toEqual([
      "/lookup",
      "/dashboard",
      "/sessions",
      "/customers",
      "/reports",
    ]);
    expect(navigationFor("OPERATOR").map((item) => item.href)).toEqual([
      "/lookup",
      "/sessions/console",
      "/sessions/inbox",
      "/sessions",
    ]);
  });

  it("marks the most specific entry as active", () => {
    const hrefs = ["/lookup", "/sessions/console", "/sessions/inbox", "/sessions"];

    expect(activeHref(hrefs, "/sessions/inbox")).toBe("/sessions/inbox");
    expect(activeHref(hrefs, "/sessions")).toBe("/sessions");
    expect(activeHref(hrefs, "/sessions/console/x")).toBe("/sessions/console");
    expect(activeHref(hrefs, "/sessionsx")).toBeNull();
  });

  it("lets only admins manage devices and billing rules", () => {
    expect(can("ADMIN", "manageDevices")).toBe(true);
    expect(can("ADMIN", "manageBillingRules")).toBe(true);
    expect(can("MANAGER", "manageDevices")).toBe(false);
    expect(can("OPERATOR", "manageBillingRules")).toBe(false);
    expect(can("MANAGER", "operateSessions")).toBe(false);
    expect(can("OPERATOR", "assignSessions")).toBe(true);
  });

  it("lets only admins record entries and import", () => {
    expect(can("ADMIN", "recordLedgerEntry")).toBe(true);
    expect(can("MANAGER", "recordLedgerEntry")).toBe(false);
    expect(can("OPERATOR", "recordLedgerEntry")).toBe(false);
    expect(can("MANAGER", "importRegistry")).toBe(false);
    expect(can("MANAGER", "importSessions")).toBe(false);
    expect(can("OPERATOR", "importSessions")).toBe(false);
    expect(can("OPERATOR", "viewCustomers")).toBe(false);
  });

  it("lets only admins manage API keys", () => {
    expect(can("ADMIN", "manageApiKeys")).toBe(true);
    expect(can("MANAGER", "manageApiKeys")).toBe(false);
    expect(can("OPERATOR", "manageApiKeys")).toBe(false);
  });
});
