import { can, type Permission, type Role } from "@/lib/auth/roles";

export interface NavigationItem {
  href: string;
  // Message key under `common.nav`.
  label: string;
  permission: Permission;
}

const ITEMS: NavigationItem[] = [
  { href: "/lookup", label: "lookup", permission: "lookupBalance" },
  { href: "/customers", label: "customers", permission: "viewCustomers" },
  { href: "/reports", label: "reports", permission: "viewReports" },
  { href: "/imports/registry", label: "registryImport", permission: "importRegistry" },
];

/** Returns the navigation entries `role` may open, in display order. */
export function navigationFor(role: Role): NavigationItem[] {
  return ITEMS.filter((item) => can(role, item.permission));
}
