// The JSON shape of an export job in the API and on the reports page.
import type { ExportJob } from "@/lib/db/export-jobs";

export interface ExportJobView {
  id: string;
  kind: ExportJob["kind"];
  report: ExportJob["report"];
  format: string;
  status: ExportJob["status"];
  progress: number;
  parameters: { from: string; to: string; customerCode: string | null };
  fileName: string | null;
  fileBytes: number | null;
  itemCount: number | null;
  // Message key under `errors.` and its values, set when the job failed.
  error: { key: string; values: Record<string, string | number> } | null;
  createdAt: string;
  finishedAt: string | null;
  // Null before the job is done and after its file expired.
  downloadUrl: string | null;
}

export function toExportJobView(job: ExportJob): ExportJobView {
  const parameters = job.parameters as ExportJobView["parameters"];

  return {
    id: job.id,
    kind: job.kind,
    report: job.report,
    format: job.format,
    status: job.status,
    progress: job.progress,
    parameters: {
      from: parameters.from,
      to: parameters.to,
      customerCode: parameters.customerCode ?? null,
    },
    fileName: job.fileName,
    fileBytes: job.fileBytes === null ? null : Number(job.fileBytes),
    itemCount: job.itemCount,
    error: job.errorKey
      ? { key: job.errorKey, values: (job.errorValues ?? {}) as Record<string, string | number> }
      : null,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    downloadUrl: job.status === "DONE" ? `/api/export-jobs/${job.id}/download` : null,
  };
}
