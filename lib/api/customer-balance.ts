import { balanceSelect, toBalanceResult } from "@/lib/db/balance-lookup";
import type { Db } from "@/lib/db/client";
import { findDeviceCustomerId } from "@/lib/db/sessions";
import { AppError } from "@/lib/errors";
import type { BalanceQuery, CustomerBalance } from "@/lib/validations/sessions-api";

/** Returns the balance of customer `customerId` as the API shows it. */
export async function loadCustomerBalance(db: Db, customerId: string): Promise<CustomerBalance> {
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: balanceSelect,
  });
  const result = toBalanceResult(customer);

  // The internal id is not part of the API's balance.
  return {
    code: result.code,
    name: result.name,
    billingMode: result.billingMode,
    balanceMinutes: result.balanceMinutes,
    thresholdMinutes: result.thresholdMinutes,
    status: result.status,
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
