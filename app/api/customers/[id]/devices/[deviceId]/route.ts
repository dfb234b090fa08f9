// DELETE /api/customers/:id/devices/:deviceId – removes one of the customer's devices
import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { removeDevice } from "@/lib/db/devices";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";

export const DELETE = handleRoute(
  "devices.remove",
  async (_request: Request, context: { params: Promise<{ id: string; deviceId: string }> }) => {
    const user = await requirePermission("manageDevices");
    const { id: customerId, deviceId } = await context.params;

    await removeDevice(getDb(), { customerId, deviceId, actorId: user.id });
    logger.info({ userId: user.id, customerId, deviceId }, "device removed");

    return new Response(null, { status: 204 });
  },
);
