-- Money out (docs/domain.md §5, payments and repayment claims): attest, payment files as records,
-- repayment claims decided by a second person. Additive: existing instalments keep their state
-- (PLANNED, RELEASED or PAID) and existing claims stay CLAIMED (decided).

-- AlterEnum
ALTER TYPE "InstalmentStatus" ADD VALUE 'ATTESTED';
ALTER TYPE "InstalmentStatus" ADD VALUE 'EXPORTED';

-- AlterEnum
ALTER TYPE "RepaymentStatus" ADD VALUE 'PROPOSED';
ALTER TYPE "RepaymentStatus" ADD VALUE 'REJECTED';

-- CreateEnum
CREATE TYPE "PaymentFileStatus" AS ENUM ('CREATED', 'PAID', 'CANCELLED');

-- AlterTable
ALTER TABLE "Instalment" ADD COLUMN     "attestedAt" TIMESTAMPTZ,
ADD COLUMN     "attestedById" TEXT,
ADD COLUMN     "exportedAt" TIMESTAMPTZ,
ADD COLUMN     "paidById" TEXT,
ADD COLUMN     "paymentFileId" TEXT;

-- AlterTable
ALTER TABLE "RepaymentClaim" ADD COLUMN     "decidedAt" TIMESTAMPTZ,
ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "decisionNote" TEXT;

-- CreateTable
CREATE TABLE "PaymentFile" (
    "id" TEXT NOT NULL,
    "status" "PaymentFileStatus" NOT NULL DEFAULT 'CREATED',
    "upTo" DATE,
    "count" INTEGER NOT NULL,
    "totalSek" INTEGER NOT NULL,
    "xml" BYTEA NOT NULL,
    "csv" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paidAt" TIMESTAMPTZ,
    "paidById" TEXT,
    "cancelledAt" TIMESTAMPTZ,
    "cancelledById" TEXT,
    "cancelReason" TEXT,
    "cancelledIds" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "PaymentFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepaymentPayment" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "amountSek" INTEGER NOT NULL,
    "receivedOn" DATE NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RepaymentPayment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PaymentFile_createdAt_idx" ON "PaymentFile"("createdAt");

-- CreateIndex
CREATE INDEX "RepaymentPayment_claimId_idx" ON "RepaymentPayment"("claimId");

-- CreateIndex
CREATE INDEX "Instalment_status_paymentFileId_idx" ON "Instalment"("status", "paymentFileId");

-- AddForeignKey
ALTER TABLE "Instalment" ADD CONSTRAINT "Instalment_paymentFileId_fkey" FOREIGN KEY ("paymentFileId") REFERENCES "PaymentFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepaymentPayment" ADD CONSTRAINT "RepaymentPayment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "RepaymentClaim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
