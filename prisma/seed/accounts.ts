// Sign-in accounts of the demo, one per role. The passwords are public: they are printed on the
// first start and shown in the README, so a database with demo data must not be exposed.
import type { Role } from "@/lib/auth/roles";

export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  role: Role;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "admin@example.com",
    password: "admin-demo-2026",
    name: "Anna Amministratrice",
    role: "ADMIN",
  },
  {
    email: "manager@example.com",
    password: "manager-demo-2026",
    name: "Marco Responsabile",
    role: "MANAGER",
  },
  {
    email: "operatore@example.com",
    password: "operatore-demo-2026",
    name: "Olga Operatrice",
    role: "OPERATOR",
  },
];

export function demoAccount(role: Role): DemoAccount {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`No demo account has the role ${role}`);

  return account;
}
