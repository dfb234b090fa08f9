import { can, type Permission, type Role } from "@/lib/auth/roles";

export interface NavigationItem {
  href: string;
  // Message key under `common.nav`.
  label: string;
  permission: Permission;
}

const ITEMS: NavigationItem[] = [
  { href: "/lookup", label: "lookup", permission: "lookupBalance" },
  { href: "/dashboard", label: "dashboard", permission: "viewDashboard" },
  { href: "/sessions/console", label: "sessionConsole", permission: "operateSessions" },
  { href: "/sessions/inbox", label: "sessionInbox", permission: "assignSessions" },
  { href: "/sessions", label: "sessions", permission: "viewSessions" },
  { href: "/customers", label: "customers", permission: "viewCustomers" },
  { href: "/reports", label: "reports", permission: "viewReports" },
  { href: "/billing/close", label: "postpaidClose", permission: "closePostpaidPeriod" },
  { href: "/reports/templates", label: "reportTemplates", permission: "manageReportTemplates" },
  { href: "/imports/registry", label: "registryImport", permission: "importRegistry" },
  { href: "/imports/sessions", label: "sessionImport", permission: "importSessions" },
  {
    href: "/imports/opening-balances",
    label: "openingBalances",
    permission: "importOpeningBalances",
  },
  { href: "/settings/billing", label: "billingSettings", permission: "manageBillingRules" },
  { href: "/settings/api-keys", label: "apiKeys", permission: "manageApiKeys" },
  { href: "/settings/users", label: "users", permission: "manageUsers" },
  { href: "/audit", label: "auditTrail", permission: "viewAuditTrail" },
];

/** Returns the navigation entries `role` may open, in display order. */
export function navigationFor(role: Role): NavigationItem[] {
  return ITEMS.filter((item) => can(role, item.permission));
}

/**
 * Returns the href of the entry that contains `pathname`: the longest one that matches, so
 * /sessions/inbox marks "to assign" and not "sessions" as well.
 */
export function activeHref(hrefs: readonly string[], pathname: string): string | null {
  const matches = hrefs.filter((href) => pathname === href || pathname.startsWith(`${href}/`));

  return matches.sort((a, b) => b.length - a.length)[0] ?? null;
}
