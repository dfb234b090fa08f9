import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { findSavedRegistryMapping } from "@/lib/db/registry-import";
import { readOptionsFromForm } from "@/lib/imports/import-table";
import { inspectCsv } from "@/lib/imports/inspect";
import { readCsvUpload } from "@/lib/imports/upload";
import { handleRoute } from "@/lib/http/respond";

// POST /api/imports/registry/inspect – returns the columns, first rows and saved mapping of a file
export const POST = handleRoute("imports.registry.inspect", async (request: Request) => {
  await requirePermission("importRegistry");
  const upload = await readCsvUpload(request);
  const inspection = await inspectCsv(upload.bytes, readOptionsFromForm(upload.form));
  const savedMapping = await findSavedRegistryMapping(getDb(), inspection.headers);

  return NextResponse.json({ fileName: upload.fileName, ...inspection, savedMapping });
});
