-- The decision meeting (docs/domain.md §7): meetings, the cases each decided, and officers'
-- moves in a round's decision basis. Additive only.

-- CreateEnum
CREATE TYPE "MeetingOutcome" AS ENUM ('APPROVED', 'REJECTED', 'SENT_BACK');

-- CreateTable
CREATE TABLE "DecisionMeeting" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "deciderId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "budgetSek" INTEGER NOT NULL,
    "approvedBeforeSek" INTEGER NOT NULL,
    "approvedSek" INTEGER NOT NULL,
    "protocolFileId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DecisionMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionMeetingCase" (
    "meetingId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "outcome" "MeetingOutcome" NOT NULL,
    "amountSek" INTEGER,
    "decisionId" TEXT,

    CONSTRAINT "DecisionMeetingCase_pkey" PRIMARY KEY ("meetingId","applicationId")
);

-- CreateTable
CREATE TABLE "DecisionBasisPlacement" (
    "applicationId" TEXT NOT NULL,
    "sortKey" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,
    "movedById" TEXT NOT NULL,
    "movedAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DecisionBasisPlacement_pkey" PRIMARY KEY ("applicationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "DecisionMeeting_idempotencyKey_key" ON "DecisionMeeting"("idempotencyKey");

-- CreateIndex
CREATE INDEX "DecisionMeeting_roundId_idx" ON "DecisionMeeting"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionMeetingCase_decisionId_key" ON "DecisionMeetingCase"("decisionId");

-- CreateIndex
CREATE INDEX "DecisionMeetingCase_applicationId_idx" ON "DecisionMeetingCase"("applicationId");

-- AddForeignKey
ALTER TABLE "DecisionMeeting" ADD CONSTRAINT "DecisionMeeting_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "GrantRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionMeeting" ADD CONSTRAINT "DecisionMeeting_deciderId_fkey" FOREIGN KEY ("deciderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionMeeting" ADD CONSTRAINT "DecisionMeeting_protocolFileId_fkey" FOREIGN KEY ("protocolFileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionMeetingCase" ADD CONSTRAINT "DecisionMeetingCase_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "DecisionMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionMeetingCase" ADD CONSTRAINT "DecisionMeetingCase_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionBasisPlacement" ADD CONSTRAINT "DecisionBasisPlacement_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionBasisPlacement" ADD CONSTRAINT "DecisionBasisPlacement_movedById_fkey" FOREIGN KEY ("movedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
