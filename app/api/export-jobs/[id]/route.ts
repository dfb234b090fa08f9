// GET /api/export-jobs/:id – status and progress of one background export (owner or admin)
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { getExportJobForUserOrThrow } from "@/lib/db/export-jobs";
import { handleRoute } from "@/lib/http/respond";
import { toExportJobView } from "@/lib/jobs/export-job-view";

export const runtime = "nodejs";

export const GET = handleRoute(
  "exportJobs.show",
  async (_request: Request, context: { params: Promise<{ id: string }> }) => {
    const user = await requirePermission("viewReports");
    const { id } = await context.params;
    const job = await getExportJobForUserOrThrow(getDb(), id, user);

    return NextResponse.json({ job: toExportJobView(job) });
  },
);
