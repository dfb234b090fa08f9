import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { previewRegistryImport } from "@/lib/db/registry-import";
import { readRegistryImportRequest } from "@/lib/imports/registry-request";
import { handleRoute } from "@/lib/http/respond";

// POST /api/imports/registry/preview – sorts the mapped rows into new, updated, unchanged, rejected
export const POST = handleRoute("imports.registry.preview", async (request: Request) => {
  await requirePermission("importRegistry");
  const input = await readRegistryImportRequest(request);

  return NextResponse.json(await previewRegistryImport(getDb(), input));
});
