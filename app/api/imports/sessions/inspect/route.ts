import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { inspectSessionLog } from "@/lib/imports/session-inspect";
import { readSessionImportRequest } from "@/lib/imports/session-request";
import { handleRoute } from "@/lib/http/respond";

// POST /api/imports/sessions/inspect – returns the format, encoding, rows and CSV columns of a file
export const POST = handleRoute("imports.sessions.inspect", async (request: Request) => {
  await requirePermission("importSessions");
  const upload = await readSessionImportRequest(request);

  return NextResponse.json({
    fileName: upload.fileName,
    ...inspectSessionLog(upload.bytes, upload.format),
  });
});
