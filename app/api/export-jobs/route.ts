// GET /api/export-jobs – lists the signed-in user's background exports, newest first
// POST /api/export-jobs – queues a report export (CSV, XLSX) or the ZIP of all statements
import { NextResponse } from "next/server";

import { requirePermission } from "@/lib/auth/guards";
import { getDb, getPool } from "@/lib/db/client";
import { listExportJobs } from "@/lib/db/export-jobs";
import { handleRoute } from "@/lib/http/respond";
import { enqueueExport } from "@/lib/jobs/enqueue-export";
import { toExportJobView } from "@/lib/jobs/export-job-view";
import { getJobQueue } from "@/lib/jobs/queue";
import { exportJobRequestSchema } from "@/lib/validations/export-job";

export const runtime = "nodejs";

export const GET = handleRoute("exportJobs.list", async () => {
  const user = await requirePermission("viewReports");
  const jobs = await listExportJobs(getDb(), user.id);

  return NextResponse.json({ jobs: jobs.map(toExportJobView) });
});

export const POST = handleRoute("exportJobs.create", async (request: Request) => {
  const user = await requirePermission("viewReports");
  const input = exportJobRequestSchema.parse(await request.json());
  const job = await enqueueExport(getDb(), await getJobQueue(getPool()), user, input);

  return NextResponse.json({ job: toExportJobView(job) }, { status: 202 });
});
