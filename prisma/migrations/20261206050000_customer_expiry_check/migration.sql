
-- CreateTable
CREATE TABLE "CustomerExpiryCheck" (
    "customerId" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "checkedSequence" INTEGER NOT NULL,

    CONSTRAINT "CustomerExpiryCheck_pkey" PRIMARY KEY ("customerId")
);

-- CreateIndex
CREATE INDEX "LedgerEntry_customerId_sequence_idx" ON "LedgerEntry"("customerId", "sequence");

-- AddForeignKey
ALTER TABLE "CustomerExpiryCheck" ADD CONSTRAINT "CustomerExpiryCheck_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

