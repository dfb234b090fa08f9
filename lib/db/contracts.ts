// Support contracts of a customer, created and changed by administrators with an audit event.
import { AppError } from "@/lib/errors";
import type { ContractInput } from "@/lib/validations/contract";

import { recordAudit } from "./audit";
import type { Db, Tx } from "./client";
import type { Contract } from "./generated/client";
import { isUniqueViolation } from "./ledger";

function snapshot(contract: Contract) {
  return {
    number: contract.number,
    startsOn: contract.startsOn.toISOString().slice(0, 10),
    endsOn: contract.endsOn?.toISOString().slice(0, 10) ?? null,
    minutesIncluded: contract.minutesIncluded,
    notes: contract.notes,
  };
}

/** Creates a contract of `customerId`. A number the customer already uses is a field error. */
export async function createContract(
  db: Db,
  options: { actorId: string; customerId: string; input: ContractInput },
): Promise<Contract> {
  return withDuplicateNumber(options.input.number, () =>
    db.$transaction(async (tx) => {
      const customer = await tx.customer.findUnique({
        where: { id: options.customerId },
        select: { id: true },
      });
      if (!customer) throw new AppError("NOT_FOUND", "customer.notFound");
      await assertNumberFree(tx, options.customerId, options.input.number, null);

      const contract = await tx.contract.create({
        data: { ...options.input, customerId: options.customerId },
      });
      await recordAudit(tx, {
        actorId: options.actorId,
        action: "contract.create",
        entityType: "Contract",
        entityId: contract.id,
        after: { customerId: options.customerId, ...snapshot(contract) },
      });

      return contract;
    }),
  );
}

/** Changes a contract of `customerId`; a contract of another customer is not found. */
export async function updateContract(
  db: Db,
  options: { actorId: string; customerId: string; contractId: string; input: ContractInput },
): Promise<Contract> {
  return withDuplicateNumber(options.input.number, () =>
    db.$transaction(async (tx) => {
      const before = await tx.contract.findFirst({
        where: { id: options.contractId, customerId: options.customerId },
      });
      if (!before) throw new AppError("NOT_FOUND", "contract.notFound");
      await assertNumberFree(tx, options.customerId, options.input.number, before.id);

      const after = await tx.contract.update({ where: { id: before.id }, data: options.input });
      await recordAudit(tx, {
        actorId: options.actorId,
        action: "contract.update",
        entityType: "Contract",
        entityId: after.id,
        before: snapshot(before),
        after: snapshot(after),
      });

      return after;
    }),
  );
}

async function assertNumberFree(
  tx: Tx,
  customerId: string,
  number: string,
  exceptId: string | null,
) {
  // Compared ignoring case, like customer codes, so K1 and k1 cannot both exist. A customer has
  // few contracts, so comparing in code avoids the wildcards of a case-insensitive LIKE.
  const contracts = await tx.contract.findMany({
    where: { customerId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { number: true },
  });
  const lowerNumber = number.toLowerCase();
  const numberInUse = contracts.some((contract) => contract.number.toLowerCase() === lowerNumber);
  if (numberInUse) throw numberTaken(number);
}

function numberTaken(number: string) {
  return new AppError("VALIDATION", "contract.numberTaken", {
    values: { number },
    fields: [{ field: "number", message: "contract.numberTaken", values: { number } }],
  });
}

async function withDuplicateNumber<T>(number: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw numberTaken(number);
    throw error;
  }
}
