-- AlterTable
ALTER TABLE "MailMessage" ADD COLUMN     "applicationId" TEXT;

-- CreateIndex
CREATE INDEX "MailMessage_applicationId_idx" ON "MailMessage"("applicationId");
