import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { inspectCsv } from "@/lib/imports/inspect";
import { readCsvUpload } from "@/lib/imports/upload";
import { handleRoute } from "@/lib/http/respond";

// POST /api/imports/registry/inspect – returns the columns, row count and first rows of a CSV file
export const POST = handleRoute("imports.registry.inspect", async (request: Request) => {
  await requirePermission("importRegistry");
  const upload = await readCsvUpload(request);

  return NextResponse.json({ fileName: upload.fileName, ...inspectCsv(upload.bytes) });
});
