
-- AlterTable
ALTER TABLE "ReportTemplate" ADD COLUMN     "vatNumber" TEXT;

