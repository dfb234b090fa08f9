-- CreateEnum
CREATE TYPE "ExportJobKind" AS ENUM ('REPORT', 'STATEMENTS_ZIP');

-- CreateEnum
CREATE TYPE "ExportJobStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "ExportJob" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "kind" "ExportJobKind" NOT NULL,
    "report" "ReportKind",
    "format" TEXT NOT NULL,
    "parameters" JSONB NOT NULL,
    "status" "ExportJobStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "itemCount" INTEGER,
    "fileName" TEXT,
    "fileKey" TEXT,
    "fileBytes" BIGINT,
    "templateVersion" INTEGER,
    "errorKey" TEXT,
    "errorValues" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ExportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExportJob_ownerId_createdAt_idx" ON "ExportJob"("ownerId", "createdAt");

-- AddForeignKey
ALTER TABLE "ExportJob" ADD CONSTRAINT "ExportJob_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

