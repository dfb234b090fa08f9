-- AlterEnum
ALTER TYPE "ExportJobStatus" ADD VALUE 'EXPIRED';

-- CreateIndex
CREATE INDEX "ExportJob_status_finishedAt_idx" ON "ExportJob"("status", "finishedAt");
