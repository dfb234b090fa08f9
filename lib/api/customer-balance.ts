import type { Pool } from "pg";

import { type BalanceLookupResult, balanceSelect, toBalanceResult } from "@/lib/db/balance-lookup";
import { findBalanceByCode, findBalanceByDevice } from "@/lib/db/balance-point-read";
import type { Db } from "@/lib/db/client";
import { remoteIdLookupVariants } from "@/lib/domain/device-id";
import { AppError } from "@/lib/errors";
import type { BalanceQuery, CustomerBalance } from "@/lib/validations/sessions-api";

/** Returns the balance of customer `customerId` as the API shows it. */
export async function loadCustomerBalance(db: Db, customerId: string): Promise<CustomerBalance> {
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: balanceSelect,
  });

  return toApiBalance(toBalanceResult(customer));
}

/**
 * Returns the balance of the customer named by code or owning the device, in one statement.
 * Throws NOT_FOUND (`api.customerNotFound`, `api.deviceNotFound`) when no single customer matches.
 */
export async function getApiBalance(pool: Pool, query: BalanceQuery): Promise<CustomerBalance> {
  if (query.customerCode) {
    const customer = await findBalanceByCode(pool, query.customerCode);
    if (!customer) {
      throw new AppError("NOT_FOUND", "api.customerNotFound", {
        values: { customerCode: query.customerCode },
      });
    }

    return toApiBalance(toBalanceResult(customer));
  }

  const deviceId = query.deviceId ?? "";
  // Tools show IDs grouped ("123 456 789", "898-315-8720"), while registration stores them plain.
  const customer = await findBalanceByDevice(pool, remoteIdLookupVariants(deviceId));
  if (!customer) throw new AppError("NOT_FOUND", "api.deviceNotFound", { values: { deviceId } });

  return toApiBalance(toBalanceResult(customer));
}

// The internal id and the active flag are not part of the API's balance.
function toApiBalance(result: BalanceLookupResult): CustomerBalance {
  return {
    code: result.code,
    name: result.name,
    billingMode: result.billingMode,
    balanceMinutes: result.balanceMinutes,
    thresholdMinutes: result.thresholdMinutes,
    status: result.status,
  };
}
