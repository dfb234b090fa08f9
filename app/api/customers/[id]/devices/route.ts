// GET  /api/customers/:id/devices – the customer's registered devices
// POST /api/customers/:id/devices – registers a device (TeamViewer, AnyDesk or other remote ID)
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { addDevice, listDevices } from "@/lib/db/devices";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";
import { deviceInputSchema } from "@/lib/validations/device";

type Context = { params: Promise<{ id: string }> };

export const GET = handleRoute("devices.list", async (_request: Request, context: Context) => {
  await requirePermission("viewCustomers");
  const { id: customerId } = await context.params;

  const devices = await listDevices(getDb(), customerId);

  return NextResponse.json({ devices }, { headers: { "Cache-Control": "no-store" } });
});

export const POST = handleRoute("devices.add", async (request: Request, context: Context) => {
  const user = await requirePermission("manageDevices");
  const { id: customerId } = await context.params;
  const device = deviceInputSchema.parse(await request.json().catch(() => ({})));

  const created = await addDevice(getDb(), { customerId, device, actorId: user.id });
  logger.info({ userId: user.id, customerId, deviceId: created.id }, "device added");

  return NextResponse.json(created, { status: 201 });
});
