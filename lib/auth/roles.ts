export const ROLES = ["ADMIN", "MANAGER", "OPERATOR"] as const;
export type Role = (typeof ROLES)[number];

// Roles allowed in each area of the app. Pages and route handlers check these on the server, and
// the navigation uses the same table, so a role is only shown what it may open.
export const PERMISSIONS = {
  lookupBalance: ["ADMIN", "MANAGER", "OPERATOR"],
  viewCustomers: ["ADMIN", "MANAGER"],
  recordLedgerEntry: ["ADMIN"],
  reverseLedgerEntry: ["ADMIN"],
  manageCustomers: ["ADMIN"],
  closePostpaidPeriod: ["ADMIN"],
  importRegistry: ["ADMIN"],
  importOpeningBalances: ["ADMIN"],
  viewSessions: ["ADMIN", "MANAGER", "OPERATOR"],
  operateSessions: ["ADMIN", "OPERATOR"],
  assignSessions: ["ADMIN", "OPERATOR"],
  // Reassigning or un-billing a closed session moves minutes between customers, like a ledger
  // entry, so only administrators may do it.
  correctSessions: ["ADMIN"],
  manageDevices: ["ADMIN"],
  manageBillingRules: ["ADMIN"],
  importSessions: ["ADMIN"],
  manageApiKeys: ["ADMIN"],
  viewReports: ["ADMIN", "MANAGER"],
  viewDashboard: ["ADMIN", "MANAGER"],
  manageReportTemplates: ["ADMIN"],
  manageUsers: ["ADMIN"],
  viewAuditTrail: ["ADMIN"],
  exportAllStatements: ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
