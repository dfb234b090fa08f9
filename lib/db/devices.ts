// Devices a customer registers (TeamViewer, AnyDesk or other remote IDs), through which new
// sessions find their customer. A remote ID belongs to one customer at most, whatever its kind.
import { AppError } from "@/lib/errors";
import type { DeviceInput } from "@/lib/validations/device";

import { recordAudit } from "./audit";
import type { Db } from "./client";
import { Prisma } from "./generated/client";

const deviceSelect = {
  id: true,
  kind: true,
  remoteId: true,
  label: true,
  createdAt: true,
} satisfies Prisma.DeviceSelect;

export type DeviceRow = Prisma.DeviceGetPayload<{ select: typeof deviceSelect }>;

/** Returns the customer's devices by kind and remote ID. */
export async function listDevices(db: Db, customerId: string): Promise<DeviceRow[]> {
  return db.device.findMany({
    where: { customerId },
    orderBy: [{ kind: "asc" }, { remoteId: "asc" }],
    select: deviceSelect,
  });
}

/**
 * Registers a device for a customer and audits it. `device` comes from deviceInputSchema, so its
 * remote ID is already in canonical form.
 *
 * Throws NOT_FOUND (`customer.notFound`), and CONFLICT when the kind and remote ID are
 * registered already: `session.deviceDuplicate` naming the other customer, or
 * `session.deviceAlreadyRegistered` when it is this customer's own.
 */
export async function addDevice(
  db: Db,
  options: { customerId: string; device: DeviceInput; actorId: string | null },
): Promise<DeviceRow> {
  const { customerId, device } = options;

  try {
    return await db.$transaction(async (tx) => {
      const customer = await tx.customer.findUnique({ where: { id: customerId } });
      if (!customer) throw new AppError("NOT_FOUND", "customer.notFound");

      // Sessions name a remote ID without its kind, so an ID may belong to one customer only,
      // whatever the kind. The lock makes concurrent adds of one ID under two kinds queue up.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${device.remoteId}))`;
      const otherKind = await tx.device.findFirst({
        where: { remoteId: device.remoteId, customerId: { not: customerId } },
        select: { id: true },
      });
      if (otherKind) throw await duplicateError(db, { customerId, device, cause: null });

      const created = await tx.device.create({
        data: { customerId, kind: device.kind, remoteId: device.remoteId, label: device.label },
        select: deviceSelect,
      });
      await recordAudit(tx, {
        actorId: options.actorId,
        action: "device.add",
        entityType: "Device",
        entityId: created.id,
        after: { customerId, kind: created.kind, remoteId: created.remoteId, label: created.label },
      });

      return created;
    });
  } catch (error) {
    const duplicate =
      error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
    if (!duplicate) throw error;

    throw await duplicateError(db, { customerId, device, cause: error });
  }
}

// The unique index decides, so two concurrent adds of one ID cannot both succeed. The owner is read
// afterwards only to name it in the message.
async function duplicateError(
  db: Db,
  options: { customerId: string; device: DeviceInput; cause: unknown },
): Promise<AppError> {
  const { device } = options;
  const existing = await db.device.findMany({
    where: { remoteId: device.remoteId },
    select: { customer: { select: { id: true, code: true, name: true } } },
  });
  const owners = existing.map((row) => row.customer);
  const owner = owners.find((row) => row.id !== options.customerId) ?? owners[0];
  const field = { field: "remoteId" };

  if (!owner || owner.id === options.customerId) {
    const values = { remoteId: device.remoteId };

    return new AppError("CONFLICT", "session.deviceAlreadyRegistered", {
      values,
      fields: [{ ...field, message: "session.deviceAlreadyRegistered", values }],
      cause: options.cause,
    });
  }

  const values = { remoteId: device.remoteId, customerCode: owner.code, customerName: owner.name };

  return new AppError("CONFLICT", "session.deviceDuplicate", {
    values,
    fields: [{ ...field, message: "session.deviceDuplicate", values }],
    cause: options.cause,
  });
}

/**
 * Removes one of the customer's devices and audits it. Sessions already associated through the
 * device keep their customer. Throws NOT_FOUND (`session.deviceNotFound`) when the device does
 * not exist or belongs to another customer.
 */
export async function removeDevice(
  db: Db,
  options: { customerId: string; deviceId: string; actorId: string | null },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const device = await tx.device.findUnique({ where: { id: options.deviceId } });
    if (!device || device.customerId !== options.customerId) {
      throw new AppError("NOT_FOUND", "session.deviceNotFound");
    }

    await tx.device.delete({ where: { id: device.id } });
    await recordAudit(tx, {
      actorId: options.actorId,
      action: "device.remove",
      entityType: "Device",
      entityId: device.id,
      before: {
        customerId: device.customerId,
        kind: device.kind,
        remoteId: device.remoteId,
        label: device.label,
      },
    });
  });
}
