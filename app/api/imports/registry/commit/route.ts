import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { commitRegistryImport } from "@/lib/db/registry-import";
import { registryMappingFieldSchema } from "@/lib/imports/registry-mapping";
import { readCsvUpload } from "@/lib/imports/upload";
import { handleRoute } from "@/lib/http/respond";
import { logger } from "@/lib/logger";

// POST /api/imports/registry/commit – writes the valid rows of a CSV file in one transaction
export const POST = handleRoute("imports.registry.commit", async (request: Request) => {
  const user = await requirePermission("importRegistry");
  const { form, fileName, bytes } = await readCsvUpload(request);
  const mapping = registryMappingFieldSchema.parse(form.get("mapping"));

  const counts = await commitRegistryImport(getDb(), {
    fileName,
    bytes,
    mapping,
    actorId: user.id,
  });
  logger.info({ userId: user.id, fileName, ...counts }, "registry import committed");

  return NextResponse.json({ counts });
});
