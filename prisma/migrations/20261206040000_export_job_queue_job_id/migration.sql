-- AlterTable
ALTER TABLE "ExportJob" ADD COLUMN "queueJobId" TEXT;
