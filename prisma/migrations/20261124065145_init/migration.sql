-- CreateEnum
CREATE TYPE "Role" AS ENUM ('APPLICANT', 'REVIEWER', 'DECIDER', 'ADMIN');

-- CreateEnum
CREATE TYPE "Track" AS ENUM ('KNOWLEDGE', 'COLLABORATION', 'INTERVENTION');

-- CreateEnum
CREATE TYPE "Variant" AS ENUM ('NEW', 'FOLLOW_UP', 'COORDINATION', 'EXPLORATORY');

-- CreateEnum
CREATE TYPE "LegalForm" AS ENUM ('NONPROFIT_ASSOCIATION', 'FOUNDATION', 'RELIGIOUS_COMMUNITY', 'ECONOMIC_ASSOCIATION', 'COMPANY', 'MUNICIPALITY', 'REGION', 'GOVERNMENT_AGENCY', 'OTHER');

-- CreateEnum
CREATE TYPE "FundingStatus" AS ENUM ('APPLIED', 'GRANTED');

-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('CIVIL_SOCIETY', 'MUNICIPALITY', 'REGION', 'DISTRICT_ADMINISTRATION', 'GOVERNMENT_AGENCY', 'BUSINESS', 'ACADEMIA', 'PROPERTY_OWNER', 'OTHER');

-- CreateEnum
CREATE TYPE "FocusArea" AS ENUM ('DEMOCRACY', 'EDUCATION', 'WORK', 'HOUSING', 'HEALTH', 'SAFETY', 'GENDER_EQUALITY', 'LEISURE', 'MEETING_PLACES');

-- CreateEnum
CREATE TYPE "Method" AS ENUM ('WORKSHOP', 'CONSULTATION', 'WALK_AND_TALK', 'SEMINAR', 'SURVEY', 'INTERVIEW', 'RESEARCH_REVIEW', 'OTHER');

-- CreateEnum
CREATE TYPE "NeedBasisKind" AS ENUM ('COLLABORATION', 'KNOWLEDGE');

-- CreateEnum
CREATE TYPE "BudgetCategory" AS ENUM ('STAFF', 'PREMISES', 'ACTIVITIES', 'SERVICES', 'ADMINISTRATION', 'OTHER');

-- CreateEnum
CREATE TYPE "LetterStatus" AS ENUM ('PENDING', 'SIGNED', 'DECLINED');

-- CreateEnum
CREATE TYPE "LetterChannel" AS ENUM ('UPLOAD', 'LINK');

-- CreateEnum
CREATE TYPE "PayoutAccountType" AS ENUM ('BANKGIRO', 'PLUSGIRO');

-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('PLANNED', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'COMPLEMENT_REQUESTED', 'PROPOSED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'REPORT_SUBMITTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "AssessmentStep" AS ENUM ('FORMAL', 'MATERIAL', 'COMPLETE');

-- CreateEnum
CREATE TYPE "VersionReason" AS ENUM ('SUBMISSION', 'COMPLEMENT');

-- CreateEnum
CREATE TYPE "ReviewCriterion" AS ENUM ('NEED', 'LOCAL_ANCHORING', 'COLLABORATION', 'LONG_TERM', 'FEASIBILITY', 'FOLLOW_UP', 'GENDER_EQUALITY');

-- CreateEnum
CREATE TYPE "Recommendation" AS ENUM ('APPROVE', 'REJECT');

-- CreateEnum
CREATE TYPE "ConflictStatus" AS ENUM ('NO_CONFLICT', 'DECLARED', 'CONFIRMED', 'LIFTED');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('OPEN', 'DECIDED', 'RETURNED');

-- CreateEnum
CREATE TYPE "InstalmentStatus" AS ENUM ('PLANNED', 'RELEASED', 'PAID');

-- CreateEnum
CREATE TYPE "ReportKind" AS ENUM ('PROGRESS', 'FINAL');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('NOT_STARTED', 'DRAFT', 'SUBMITTED', 'COMPLEMENT_REQUESTED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "RepaymentStatus" AS ENUM ('CLAIMED', 'PAID', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "roles" "Role"[],
    "locale" TEXT NOT NULL DEFAULT 'sv',
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "deactivatedAt" TIMESTAMPTZ,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffInvitation" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "roles" "Role"[],
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ NOT NULL,
    "acceptedAt" TIMESTAMPTZ,
    "invitedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "orgNumber" TEXT NOT NULL,
    "legalForm" "LegalForm" NOT NULL,
    "municipalityCode" CHAR(4) NOT NULL,
    "foundedOn" DATE,
    "streetAddress" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "payoutType" "PayoutAccountType",
    "payoutAccount" TEXT,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("userId","organisationId")
);

-- CreateTable
CREATE TABLE "OrganisationInvitation" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ NOT NULL,
    "acceptedAt" TIMESTAMPTZ,
    "invitedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GrantRound" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "opensAt" TIMESTAMPTZ NOT NULL,
    "closesAt" TIMESTAMPTZ NOT NULL,
    "budgetSek" INTEGER NOT NULL,
    "acceptedTracks" "Track"[],
    "longestPeriodMonths" INTEGER NOT NULL DEFAULT 36,
    "status" "RoundStatus" NOT NULL DEFAULT 'PLANNED',
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "GrantRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "referenceNumber" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "assessmentStep" "AssessmentStep",
    "assignedToId" TEXT,
    "track" "Track",
    "variant" "Variant",
    "previousGrantReference" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "focusAreas" "FocusArea"[],
    "needsDescription" TEXT NOT NULL DEFAULT '',
    "needBasisKind" "NeedBasisKind",
    "needBasisDescription" TEXT,
    "strategicFramework" TEXT,
    "methods" "Method"[],
    "genderEqualityPerspective" TEXT NOT NULL DEFAULT '',
    "longTermPlan" TEXT NOT NULL DEFAULT '',
    "periodStart" DATE,
    "periodEnd" DATE,
    "cofinancingSek" INTEGER NOT NULL DEFAULT 0,
    "requestedSek" INTEGER NOT NULL DEFAULT 0,
    "stateAid" BOOLEAN,
    "declIndependent" BOOLEAN NOT NULL DEFAULT false,
    "declNonProfit" BOOLEAN NOT NULL DEFAULT false,
    "declRespectsDemocracy" BOOLEAN NOT NULL DEFAULT false,
    "declNoDebts" BOOLEAN NOT NULL DEFAULT false,
    "declNotInLiquidation" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMPTZ,
    "withdrawnAt" TIMESTAMPTZ,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationArea" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "municipalityCode" CHAR(4) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "ApplicationArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "orgNumber" TEXT,
    "sector" "Sector" NOT NULL,
    "localAnchoring" BOOLEAN NOT NULL DEFAULT false,
    "role" TEXT NOT NULL DEFAULT '',
    "activities" TEXT NOT NULL DEFAULT '',
    "contactName" TEXT,
    "contactEmail" TEXT,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LetterOfIntent" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "channel" "LetterChannel" NOT NULL,
    "status" "LetterStatus" NOT NULL DEFAULT 'PENDING',
    "competences" TEXT NOT NULL DEFAULT '',
    "resources" TEXT NOT NULL DEFAULT '',
    "fromDate" DATE,
    "toDate" DATE,
    "signedBy" TEXT,
    "signedAt" DATE,
    "declinedReason" TEXT,
    "fileId" TEXT,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "LetterOfIntent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LetterOfIntentLink" (
    "id" TEXT NOT NULL,
    "letterId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sentTo" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ NOT NULL,
    "usedAt" TIMESTAMPTZ,
    "revokedAt" TIMESTAMPTZ,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LetterOfIntentLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "category" "BudgetCategory" NOT NULL,
    "amountSek" INTEGER NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "BudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OtherFunding" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "funder" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "amountSek" INTEGER NOT NULL,
    "status" "FundingStatus" NOT NULL,
    "decisionDate" DATE,

    CONSTRAINT "OtherFunding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationVersion" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "reason" "VersionReason" NOT NULL,
    "content" JSONB NOT NULL,
    "ruleResult" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictDeclaration" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "ConflictStatus" NOT NULL,
    "description" TEXT,
    "declaredAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ,
    "decisionReason" TEXT,

    CONSTRAINT "ConflictDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "recommendation" "Recommendation",
    "summary" TEXT NOT NULL DEFAULT '',
    "completedAt" TIMESTAMPTZ,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewScore" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "criterion" "ReviewCriterion" NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ReviewScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InternalComment" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InternalComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplementRequest" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "dueDate" DATE,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMPTZ,

    CONSTRAINT "ComplementRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionProposal" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "amountSek" INTEGER,
    "reasons" TEXT NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'OPEN',
    "returnReason" TEXT,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DecisionProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "proposalId" TEXT,
    "outcome" "DecisionOutcome" NOT NULL,
    "amountSek" INTEGER,
    "reasons" TEXT NOT NULL,
    "decidedOn" DATE NOT NULL,
    "deciderId" TEXT NOT NULL,
    "correctsId" TEXT,
    "letterFileId" TEXT,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Instalment" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "amountSek" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "InstalmentStatus" NOT NULL DEFAULT 'PLANNED',
    "releasedAt" TIMESTAMPTZ,
    "releasedById" TEXT,
    "paidAt" TIMESTAMPTZ,

    CONSTRAINT "Instalment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpReport" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "kind" "ReportKind" NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "meetingsHeld" INTEGER,
    "participantsWomen" INTEGER,
    "participantsMen" INTEGER,
    "participantsOther" INTEGER,
    "collaborationsStarted" INTEGER,
    "collaborationsNote" TEXT,
    "spending" JSONB,
    "unspentSek" INTEGER,
    "whatWasDone" TEXT,
    "resultsForResidents" TEXT,
    "lessonsLearned" TEXT,
    "continuation" TEXT,
    "submittedAt" TIMESTAMPTZ,
    "acceptedAt" TIMESTAMPTZ,
    "completionMessage" TEXT,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "FollowUpReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportAttachment" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,

    CONSTRAINT "ReportAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepaymentClaim" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "amountSek" INTEGER NOT NULL,
    "reasons" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "RepaymentStatus" NOT NULL DEFAULT 'CLAIMED',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RepaymentClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "href" TEXT,
    "readAt" TIMESTAMPTZ,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailMessage" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "dedupeKey" TEXT,
    "status" "MailStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ,
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "meta" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "StaffInvitation_tokenHash_key" ON "StaffInvitation"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_orgNumber_key" ON "Organisation"("orgNumber");

-- CreateIndex
CREATE INDEX "Membership_organisationId_idx" ON "Membership"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "OrganisationInvitation_tokenHash_key" ON "OrganisationInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "GrantRound_year_idx" ON "GrantRound"("year");

-- CreateIndex
CREATE UNIQUE INDEX "Application_referenceNumber_key" ON "Application"("referenceNumber");

-- CreateIndex
CREATE INDEX "Application_organisationId_status_idx" ON "Application"("organisationId", "status");

-- CreateIndex
CREATE INDEX "Application_roundId_status_idx" ON "Application"("roundId", "status");

-- CreateIndex
CREATE INDEX "Application_assignedToId_idx" ON "Application"("assignedToId");

-- CreateIndex
CREATE INDEX "ApplicationArea_municipalityCode_idx" ON "ApplicationArea"("municipalityCode");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationArea_applicationId_position_key" ON "ApplicationArea"("applicationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Partner_applicationId_position_key" ON "Partner"("applicationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "LetterOfIntent_partnerId_key" ON "LetterOfIntent"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "LetterOfIntentLink_tokenHash_key" ON "LetterOfIntentLink"("tokenHash");

-- CreateIndex
CREATE INDEX "LetterOfIntentLink_letterId_idx" ON "LetterOfIntentLink"("letterId");

-- CreateIndex
CREATE INDEX "StoredFile_sha256_idx" ON "StoredFile"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetLine_applicationId_position_key" ON "BudgetLine"("applicationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "OtherFunding_applicationId_position_key" ON "OtherFunding"("applicationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationVersion_applicationId_number_key" ON "ApplicationVersion"("applicationId", "number");

-- CreateIndex
CREATE INDEX "ConflictDeclaration_userId_idx" ON "ConflictDeclaration"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ConflictDeclaration_applicationId_userId_key" ON "ConflictDeclaration"("applicationId", "userId");

-- CreateIndex
CREATE INDEX "Review_reviewerId_idx" ON "Review"("reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "Review_applicationId_reviewerId_key" ON "Review"("applicationId", "reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewScore_reviewId_criterion_key" ON "ReviewScore"("reviewId", "criterion");

-- CreateIndex
CREATE INDEX "InternalComment_applicationId_idx" ON "InternalComment"("applicationId");

-- CreateIndex
CREATE INDEX "ComplementRequest_applicationId_idx" ON "ComplementRequest"("applicationId");

-- CreateIndex
CREATE INDEX "DecisionProposal_applicationId_idx" ON "DecisionProposal"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_proposalId_key" ON "Decision"("proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_correctsId_key" ON "Decision"("correctsId");

-- CreateIndex
CREATE INDEX "Decision_applicationId_idx" ON "Decision"("applicationId");

-- CreateIndex
CREATE INDEX "Decision_roundId_outcome_idx" ON "Decision"("roundId", "outcome");

-- CreateIndex
CREATE INDEX "Decision_decidedOn_idx" ON "Decision"("decidedOn");

-- CreateIndex
CREATE INDEX "Instalment_dueDate_idx" ON "Instalment"("dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Instalment_applicationId_number_key" ON "Instalment"("applicationId", "number");

-- CreateIndex
CREATE INDEX "FollowUpReport_applicationId_idx" ON "FollowUpReport"("applicationId");

-- CreateIndex
CREATE INDEX "FollowUpReport_dueDate_status_idx" ON "FollowUpReport"("dueDate", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ReportAttachment_reportId_fileId_key" ON "ReportAttachment"("reportId", "fileId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "MailMessage_dedupeKey_key" ON "MailMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "MailMessage_to_idx" ON "MailMessage"("to");

-- CreateIndex
CREATE INDEX "MailMessage_status_idx" ON "MailMessage"("status");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "StaffInvitation" ADD CONSTRAINT "StaffInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationInvitation" ADD CONSTRAINT "OrganisationInvitation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationInvitation" ADD CONSTRAINT "OrganisationInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "GrantRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationArea" ADD CONSTRAINT "ApplicationArea_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterOfIntent" ADD CONSTRAINT "LetterOfIntent_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterOfIntent" ADD CONSTRAINT "LetterOfIntent_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterOfIntentLink" ADD CONSTRAINT "LetterOfIntentLink_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "LetterOfIntent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OtherFunding" ADD CONSTRAINT "OtherFunding_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationVersion" ADD CONSTRAINT "ApplicationVersion_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationVersion" ADD CONSTRAINT "ApplicationVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewScore" ADD CONSTRAINT "ReviewScore_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternalComment" ADD CONSTRAINT "InternalComment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternalComment" ADD CONSTRAINT "InternalComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplementRequest" ADD CONSTRAINT "ComplementRequest_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplementRequest" ADD CONSTRAINT "ComplementRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionProposal" ADD CONSTRAINT "DecisionProposal_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionProposal" ADD CONSTRAINT "DecisionProposal_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "DecisionProposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_deciderId_fkey" FOREIGN KEY ("deciderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_letterFileId_fkey" FOREIGN KEY ("letterFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Instalment" ADD CONSTRAINT "Instalment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpReport" ADD CONSTRAINT "FollowUpReport_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportAttachment" ADD CONSTRAINT "ReportAttachment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "FollowUpReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportAttachment" ADD CONSTRAINT "ReportAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepaymentClaim" ADD CONSTRAINT "RepaymentClaim_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The audit log is append-only: no row may be changed or removed, by the app or anyone else.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
