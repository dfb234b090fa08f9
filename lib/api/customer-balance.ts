import type { Db } from "@/lib/db/client";
import { findDeviceCustomerId } from "@/lib/db/sessions";
import { balanceStatus, lowBalanceMinutes } from "@/lib/domain/ledger";
import { AppError } from "@/lib/errors";
import type { BalanceQuery, CustomerBalance } from "@/lib/validations/sessions-api";

const balanceSelect = {
  code: true,
  name: true,
  billingMode: true,
  balanceMinutes: true,
  lowBalanceThreshold: true,
  lowBalanceKind: true,
  ledgerEntries: {
    where: { kind: "TOP_UP", minutes: { gt: 0 }, reversesId: null },
    orderBy: { sequence: "desc" },
    take: 1,
    select: { minutes: true },
  },
} as const;

/** Returns the balance of customer `customerId` as the API shows it. */
export async function loadCustomerBalance(db: Db, customerId: string): Promise<CustomerBalance> {
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: balanceSelect,
  });
  const state = {
    balanceMinutes: customer.balanceMinutes,
    billingMode: customer.billingMode,
    lowBalanceThreshold: customer.lowBalanceThreshold,
    lowBalanceKind: customer.lowBalanceKind,
    lastTopUpMinutes: customer.ledgerEntries[0]?.minutes ?? null,
  };

  return {
    code: customer.code,
    name: customer.name,
    billingMode: customer.billingMode,
    balanceMinutes: customer.balanceMinutes,
    thresholdMinutes: lowBalanceMinutes(state),
    status: balanceStatus(state),
  };
}

/**
 * Returns the balance of the customer named by code or owning the device. Throws NOT_FOUND
 * (`api.customerNotFound`, `api.deviceNotFound`) when no single customer matches.
 */
export async function getApiBalance(db: Db, query: BalanceQuery): Promise<CustomerBalance> {
  if (query.customerCode) {
    const customer = await db.customer.findUnique({
      where: { code: query.customerCode },
      select: { id: true },
    });
    if (!customer) {
      throw new AppError("NOT_FOUND", "api.customerNotFound", {
        values: { customerCode: query.customerCode },
      });
    }

    return loadCustomerBalance(db, customer.id);
  }

  const deviceId = query.deviceId ?? "";
  const customerId = await findDeviceCustomerId(db, deviceId);
  if (!customerId) throw new AppError("NOT_FOUND", "api.deviceNotFound", { values: { deviceId } });

  return loadCustomerBalance(db, customerId);
}
