import { remoteIdLookupVariants } from "@/lib/domain/device-id";
import { contractInEffect, customerOfDevices } from "@/lib/domain/session-association";
import { AppError } from "@/lib/errors";

import type { Db, Tx } from "../client";

export interface SessionCustomer {
  // Null puts the session in the "to assign" inbox.
  customerId: string | null;
  contractId: string | null;
}

/**
 * Finds the customer of a new session: the customer named by `customerCode`, else the customer
 * that registered `remoteDeviceId` (of any kind), else none. Also picks the customer's contract
 * in effect at `at`.
 *
 * Throws a NOT_FOUND AppError (`session.unknownCustomerCode`) for a code that matches no customer,
 * because silently sending such a session to the inbox would hide a typing error of the caller.
 */
export async function findSessionCustomer(
  db: Db | Tx,
  options: { customerCode?: string | null; remoteDeviceId?: string | null; at: Date },
): Promise<SessionCustomer> {
  const customerId = await findCustomerId(db, options);
  if (customerId === null) return { customerId: null, contractId: null };

  const contracts = await db.contract.findMany({
    where: { customerId },
    select: { id: true, startsOn: true, endsOn: true },
  });

  return { customerId, contractId: contractInEffect(contracts, options.at) };
}

async function findCustomerId(
  db: Db | Tx,
  options: { customerCode?: string | null; remoteDeviceId?: string | null },
): Promise<string | null> {
  const customerCode = options.customerCode?.trim();
  if (customerCode) {
    const customer = await db.customer.findUnique({
      where: { code: customerCode },
      select: { id: true },
    });
    if (!customer) {
      const values = { customerCode };
      throw new AppError("NOT_FOUND", "session.unknownCustomerCode", {
        values,
        fields: [{ field: "customerCode", message: "session.unknownCustomerCode", values }],
      });
    }

    return customer.id;
  }

  return findDeviceCustomerId(db, options.remoteDeviceId);
}

/**
 * Returns the one customer that registered the remote ID `remoteDeviceId` under any device kind,
 * or null when none or several did.
 */
export async function findDeviceCustomerId(
  db: Db | Tx,
  remoteDeviceId: string | null | undefined,
): Promise<string | null> {
  // Tools show IDs grouped ("123 456 789", "898-315-8720"), while registration stores them plain.
  const variants = remoteIdLookupVariants(remoteDeviceId);
  if (variants.length === 0) return null;

  const devices = await db.device.findMany({
    where: { remoteId: { in: variants } },
    select: { customerId: true },
  });

  return customerOfDevices(devices);
}
