import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { previewSessionImport } from "@/lib/db/session-import";
import { readSessionImportRequest } from "@/lib/imports/session-request";
import { handleRoute } from "@/lib/http/respond";

// POST /api/imports/sessions/preview – sorts the rows into customers, inbox, imported, rejected
export const POST = handleRoute("imports.sessions.preview", async (request: Request) => {
  await requirePermission("importSessions");
  const upload = await readSessionImportRequest(request);

  return NextResponse.json(await previewSessionImport(getDb(), upload));
});
