-- Learning examples (erfarenhetsexempel, docs/domain.md §8): the final report's public summary.

-- CreateEnum
CREATE TYPE "LearningExampleStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'UNPUBLISHED');

-- CreateTable
CREATE TABLE "LearningExample" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "status" "LearningExampleStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "place" TEXT NOT NULL DEFAULT '',
    "purpose" TEXT NOT NULL DEFAULT '',
    "process" TEXT NOT NULL DEFAULT '',
    "results" TEXT NOT NULL DEFAULT '',
    "lessons" TEXT NOT NULL DEFAULT '',
    "consentedAt" TIMESTAMPTZ,
    "submittedAt" TIMESTAMPTZ,
    "changesMessage" TEXT,
    "publishedAt" TIMESTAMPTZ,
    "publishedById" TEXT,
    "unpublishedAt" TIMESTAMPTZ,
    "unpublishReason" TEXT,
    "searchVector" tsvector,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "LearningExample_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LearningExample_reportId_key" ON "LearningExample"("reportId");

-- CreateIndex
CREATE INDEX "LearningExample_status_publishedAt_id_idx" ON "LearningExample"("status", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "LearningExample_searchVector_idx" ON "LearningExample" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "LearningExample" ADD CONSTRAINT "LearningExample_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "FollowUpReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
