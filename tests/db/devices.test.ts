import { beforeEach, describe, expect, it } from "vitest";

import { addDevice, listDevices, removeDevice } from "@/lib/db/devices";
import { startSession } from "@/lib/db/sessions";
import { deviceInputSchema } from "@/lib/validations/device";

import { rejectionOf } from "./app-error";
import { createCustomer, createUser, resetDatabase, testDb } from "./helpers";

function device(kind: string, remoteId: string, label?: string) {
  return deviceInputSchema.parse({ kind, remoteId, label });
}

describe("devices", () => {
  beforeEach(resetDatabase);

  it("adds a device in canonical form and lists it", async () => {
    const customer = await createCustomer();
    const admin = await createUser();

    const created = await addDevice(testDb(), {
      customerId: customer.id,
      device: device("TEAMVIEWER", "123 456 789", "Reception PC"),
      actorId: admin.id,
    });

    expect(created.remoteId).toBe("123456789");
    expect(await listDevices(testDb(), customer.id)).toEqual([
      expect.objectContaining({ kind: "TEAMVIEWER", remoteId: "123456789", label: "Reception PC" }),
    ]);
  });

  it("audits adds and removes", async () => {
    const customer = await createCustomer();
    const admin = await createUser();
    const created = await addDevice(testDb(), {
      customerId: customer.id,
      device: device("ANYDESK", "reception@ad"),
      actorId: admin.id,
    });

    await removeDevice(testDb(), {
      customerId: customer.id,
      deviceId: created.id,
      actorId: admin.id,
    });

    const events = await testDb().auditEvent.findMany({
      where: { entityType: "Device", entityId: created.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((event) => event.action)).toEqual(["device.add", "device.remove"]);
    expect(events.every((event) => event.actorId === admin.id)).toBe(true);
    expect(events[0].after).toMatchObject({ customerId: customer.id, remoteId: "reception@ad" });
    expect(events[1].before).toMatchObject({ kind: "ANYDESK", remoteId: "reception@ad" });
    expect(await listDevices(testDb(), customer.id)).toEqual([]);
  });

  it("rejects a device of another customer, naming it", async () => {
    const owner = await createCustomer({ code: "C-OWNER", name: "Studio Rossi" });
    const other = await createCustomer();
    await addDevice(testDb(), {
      customerId: owner.id,
      device: device("TEAMVIEWER", "123456789"),
      actorId: null,
    });

    const error = await rejectionOf(
      addDevice(testDb(), {
        customerId: other.id,
        device: device("TEAMVIEWER", "123 456 789"),
        actorId: null,
      }),
    );

    expect(error.code).toBe("CONFLICT");
    expect(error.status).toBe(409);
    expect(error.messageKey).toBe("session.deviceDuplicate");
    expect(error.values).toEqual({
      remoteId: "123456789",
      customerCode: "C-OWNER",
      customerName: "Studio Rossi",
    });
    expect(await listDevices(testDb(), other.id)).toEqual([]);
  });

  it("rejects a device the customer has already", async () => {
    const customer = await createCustomer();
    const input = {
      customerId: customer.id,
      device: device("ANYDESK", "987654321"),
      actorId: null,
    };
    await addDevice(testDb(), input);

    const error = await rejectionOf(addDevice(testDb(), input));

    expect(error.messageKey).toBe("session.deviceAlreadyRegistered");
  });

  it("allows the same ID under another kind", async () => {
    const customer = await createCustomer();
    await addDevice(testDb(), {
      customerId: customer.id,
      device: device("TEAMVIEWER", "123456789"),
      actorId: null,
    });

    await addDevice(testDb(), {
      customerId: customer.id,
      device: device("ANYDESK", "123456789"),
      actorId: null,
    });

    expect(await listDevices(testDb(), customer.id)).toHaveLength(2);
  });

  it("rejects an unknown customer", async () => {
    const error = await rejectionOf(
      addDevice(testDb(), {
        customerId: "missing",
        device: device("OTHER", "x"),
        actorId: null,
      }),
    );

    expect(error.messageKey).toBe("customer.notFound");
  });

  it("does not remove another customer's device", async () => {
    const owner = await createCustomer();
    const other = await createCustomer();
    const created = await addDevice(testDb(), {
      customerId: owner.id,
      device: device("OTHER", "vnc-1"),
      actorId: null,
    });

    const error = await rejectionOf(
      removeDevice(testDb(), { customerId: other.id, deviceId: created.id, actorId: null }),
    );

    expect(error.messageKey).toBe("session.deviceNotFound");
    expect(await listDevices(testDb(), owner.id)).toHaveLength(1);
  });

  it("associates new sessions through an added device", async () => {
    const customer = await createCustomer();
    await addDevice(testDb(), {
      customerId: customer.id,
      device: device("TEAMVIEWER", "111 222 333"),
      actorId: null,
    });

    const { session } = await startSession(testDb(), {
      code: "S-DEVICE",
      remoteDeviceId: "111 222 333",
      source: "API",
      actorId: null,
    });

    expect(session.customerId).toBe(customer.id);
  });
});
