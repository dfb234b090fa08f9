// Customers as administrators edit them: create, change, deactivate and reactivate. Every change
// records an audit event with the values before and after, in the same transaction.
import { AppError } from "@/lib/errors";
import type { CustomerInput } from "@/lib/validations/customer";

import { recordAudit } from "./audit";
import type { Db, Tx } from "./client";
import type { Customer } from "./generated/client";
import { isUniqueViolation } from "./ledger";

// The columns an administrator edits, as stored in audit events.
const EDITABLE = [
  "code",
  "name",
  "vatNumber",
  "taxCode",
  "address",
  "city",
  "province",
  "postalCode",
  "email",
  "phone",
  "billingMode",
  "lowBalanceThreshold",
  "lowBalanceKind",
  "notes",
  "active",
] as const;

function snapshot(customer: Customer) {
  return Object.fromEntries(EDITABLE.map((field) => [field, customer[field]]));
}

/** Creates a customer and returns it. A code already in use is a field error on `code`. */
export async function createCustomer(
  db: Db,
  options: { actorId: string; input: CustomerInput },
): Promise<Customer> {
  return withDuplicateCode(options.input.code, () =>
    db.$transaction(async (tx) => {
      await assertCodeFree(tx, options.input.code, null);
      const customer = await tx.customer.create({ data: options.input });
      await recordAudit(tx, {
        actorId: options.actorId,
        action: "customer.create",
        entityType: "Customer",
        entityId: customer.id,
        after: snapshot(customer),
      });

      return customer;
    }),
  );
}

/** Replaces the editable fields of a customer and returns it; balance and ledger stay as they are. */
export async function updateCustomer(
  db: Db,
  options: { actorId: string; customerId: string; input: CustomerInput },
): Promise<Customer> {
  return withDuplicateCode(options.input.code, () =>
    db.$transaction(async (tx) => {
      const before = await lockCustomer(tx, options.customerId);
      await assertCodeFree(tx, options.input.code, before.id);
      const after = await tx.customer.update({ where: { id: before.id }, data: options.input });
      await recordAudit(tx, {
        actorId: options.actorId,
        action: "customer.update",
        entityType: "Customer",
        entityId: after.id,
        before: snapshot(before),
        after: snapshot(after),
      });

      return after;
    }),
  );
}

/**
 * Deactivates or reactivates a customer. An inactive customer keeps its ledger, sessions and
 * reports; only the lists mark or hide it.
 */
export async function setCustomerActive(
  db: Db,
  options: { actorId: string; customerId: string; active: boolean },
): Promise<Customer> {
  return db.$transaction(async (tx) => {
    const before = await lockCustomer(tx, options.customerId);
    if (before.active === options.active) return before;

    const after = await tx.customer.update({
      where: { id: before.id },
      data: { active: options.active },
    });
    await recordAudit(tx, {
      actorId: options.actorId,
      action: options.active ? "customer.reactivate" : "customer.deactivate",
      entityType: "Customer",
      entityId: after.id,
      before: { active: before.active },
      after: { active: after.active },
    });

    return after;
  });
}

async function lockCustomer(tx: Tx, customerId: string): Promise<Customer> {
  await tx.$queryRaw`SELECT 1 FROM "Customer" WHERE "id" = ${customerId} FOR UPDATE`;
  const customer = await tx.customer.findUnique({ where: { id: customerId } });
  if (!customer) throw new AppError("NOT_FOUND", "customer.notFound");

  return customer;
}

// Codes are compared without case, because the ERP and the operators type them either way.
async function assertCodeFree(tx: Tx, code: string, exceptId: string | null) {
  const holder = await tx.customer.findFirst({
    where: {
      code: { equals: code, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (holder) throw codeTaken(code);
}

function codeTaken(code: string) {
  return new AppError("VALIDATION", "customer.codeTaken", {
    values: { code },
    fields: [{ field: "code", message: "customer.codeTaken", values: { code } }],
  });
}

// Two admins saving the same new code at once: the unique index rejects the second.
async function withDuplicateCode<T>(code: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(code);
    throw error;
  }
}
