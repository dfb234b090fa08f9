import { projectSession, type SessionProjection } from "@/lib/domain/session-projection";
import { AppError } from "@/lib/errors";

import type { Db } from "../client";
import type { Session } from "../generated/client";
import { getCustomerBillingRules } from "./billing-settings";

export interface SessionView {
  session: Session;
  customer: {
    id: string;
    code: string;
    name: string;
    billingMode: "PREPAID" | "POSTPAID";
    balanceMinutes: number;
  } | null;
  contract: { id: string; number: string } | null;
  // The customer's balance before this session drew anything; null without a customer.
  residualBeforeMinutes: number | null;
  // Null for a session in the "to assign" inbox, which draws nothing.
  projection: SessionProjection | null;
}

/**
 * Loads what the operator console shows for session `code`, projected to `now`.
 * Throws NOT_FOUND (`session.unknownCode`).
 */
export async function getSessionView(
  db: Db,
  options: { code: string; now?: Date },
): Promise<SessionView> {
  const session = await db.session.findUnique({
    where: { code: options.code },
    include: {
      customer: {
        select: { id: true, code: true, name: true, billingMode: true, balanceMinutes: true },
      },
      contract: { select: { id: true, number: true } },
      ledgerEntries: {
        where: { kind: "SESSION" },
        orderBy: { sequence: "asc" },
        select: { customerId: true, minutes: true, balanceAfter: true },
      },
    },
  });
  if (!session) {
    throw new AppError("NOT_FOUND", "session.unknownCode", { values: { code: options.code } });
  }

  const { customer, contract, ledgerEntries, ...row } = session;
  if (!customer) {
    return {
      session: row,
      customer: null,
      contract,
      residualBeforeMinutes: null,
      projection: null,
    };
  }

  // The balance just before the session's first charge, or the current one while it has none.
  const first = ledgerEntries.find((entry) => entry.customerId === customer.id);
  const residualBeforeMinutes = first
    ? first.balanceAfter - first.minutes
    : customer.balanceMinutes;
  const rules = await getCustomerBillingRules(db, customer.id);
  const projection = projectSession({
    ...row,
    rules,
    residualBeforeMinutes,
    billingMode: customer.billingMode,
    now: options.now ?? new Date(),
  });

  return { session: row, customer, contract, residualBeforeMinutes, projection };
}
