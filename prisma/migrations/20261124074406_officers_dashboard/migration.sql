-- DropIndex
DROP INDEX "Application_roundId_status_idx";

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "countyCode" CHAR(2),
ADD COLUMN     "formalCheckAt" TIMESTAMPTZ,
ADD COLUMN     "formalCheckById" TEXT,
ADD COLUMN     "formalCheckNote" TEXT,
ADD COLUMN     "formalCheckPassed" BOOLEAN,
ADD COLUMN     "organisationName" TEXT,
ADD COLUMN     "primaryMunicipalityCode" CHAR(4),
ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Application_roundId_status_submittedAt_id_idx" ON "Application"("roundId", "status", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Application_roundId_requestedSek_id_idx" ON "Application"("roundId", "requestedSek", "id");

-- CreateIndex
CREATE INDEX "Application_roundId_referenceNumber_idx" ON "Application"("roundId", "referenceNumber");

-- CreateIndex
CREATE INDEX "Application_roundId_countyCode_idx" ON "Application"("roundId", "countyCode");

-- CreateIndex
CREATE INDEX "Application_roundId_primaryMunicipalityCode_idx" ON "Application"("roundId", "primaryMunicipalityCode");

-- CreateIndex
CREATE INDEX "Application_focusAreas_idx" ON "Application" USING GIN ("focusAreas");

-- CreateIndex
CREATE INDEX "Application_searchVector_idx" ON "Application" USING GIN ("searchVector");

