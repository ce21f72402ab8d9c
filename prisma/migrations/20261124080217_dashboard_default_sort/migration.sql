-- CreateIndex
CREATE INDEX "Application_roundId_submittedAt_id_idx" ON "Application"("roundId", "submittedAt", "id");

