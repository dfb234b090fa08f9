import { beforeEach, describe, expect, it } from "vitest";

import { addDevice } from "@/lib/db/devices";
import { findDeviceCustomerId } from "@/lib/db/sessions";
import { MAX_REMOTE_ID_LENGTH } from "@/lib/domain/device-id";
import { deviceInputSchema } from "@/lib/validations/device";
import { balanceQuerySchema, startSessionInputSchema } from "@/lib/validations/sessions-api";

import { rejectionOf } from "./app-error";
import { createCustomer, resetDatabase, testDb } from "./helpers";

function device(kind: string, remoteId: string) {
  return deviceInputSchema.parse({ kind, remoteId });
}

describe("device lookup", () => {
  beforeEach(resetDatabase);

  it("remote ID of another kind is rejected", async () => {
    const owner = await createCustomer();
    const other = await createCustomer();
    await addDevice(testDb(), {
      customerId: owner.id,
      device: device("TEAMVIEWER", "123456789"),
      actorId: null,
    });

    const error = await rejectionOf(
      addDevice(testDb(), {
        customerId: other.id,
        device: device("OTHER", "123456789"),
        actorId: null,
      }),
    );

    expect(error.messageKey).toBe("session.deviceDuplicate");
    expect(await testDb().device.count()).toBe(1);
    expect(await findDeviceCustomerId(testDb(), "123456789")).toBe(owner.id);
  });

  it("hyphenated ID finds its customer", async () => {
    const owner = await createCustomer();
    await addDevice(testDb(), {
      customerId: owner.id,
      device: device("TEAMVIEWER", "898-315-8720"),
      actorId: null,
    });

    expect(await findDeviceCustomerId(testDb(), "898-315-8720")).toBe(owner.id);
    expect(await findDeviceCustomerId(testDb(), "898 315 8720")).toBe(owner.id);
  });

  it("API takes IDs as long as registration", () => {
    const longId = "x".repeat(MAX_REMOTE_ID_LENGTH);

    expect(startSessionInputSchema.safeParse({ code: "S1", remoteDeviceId: longId }).success).toBe(
      true,
    );
    expect(balanceQuerySchema.safeParse({ deviceId: longId }).success).toBe(true);
    expect(balanceQuerySchema.safeParse({ deviceId: `${longId}x` }).success).toBe(false);
  });
});
