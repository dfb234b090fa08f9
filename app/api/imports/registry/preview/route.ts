import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { previewRegistryImport } from "@/lib/db/registry-import";
import { registryMappingFieldSchema } from "@/lib/imports/registry-mapping";
import { readCsvUpload } from "@/lib/imports/upload";
import { handleRoute } from "@/lib/http/respond";

// POST /api/imports/registry/preview – sorts the mapped rows into new, updated, unchanged, rejected
export const POST = handleRoute("imports.registry.preview", async (request: Request) => {
  await requirePermission("importRegistry");
  const { form, fileName, bytes } = await readCsvUpload(request);
  const mapping = registryMappingFieldSchema.parse(form.get("mapping"));

  return NextResponse.json(await previewRegistryImport(getDb(), { fileName, bytes, mapping }));
});
