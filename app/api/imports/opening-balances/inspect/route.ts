import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { readOptionsFromForm } from "@/lib/imports/import-table";
import { inspectCsv } from "@/lib/imports/inspect";
import { readCsvUpload } from "@/lib/imports/upload";
import { handleRoute } from "@/lib/http/respond";

// POST /api/imports/opening-balances/inspect – returns the columns and first rows of a file
export const POST = handleRoute("imports.openingBalances.inspect", async (request: Request) => {
  await requirePermission("importOpeningBalances");
  const upload = await readCsvUpload(request);
  const inspection = await inspectCsv(upload.bytes, readOptionsFromForm(upload.form));

  return NextResponse.json({ fileName: upload.fileName, ...inspection, savedMapping: null });
});
