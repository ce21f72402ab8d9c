-- Case work (issue 15): contact person and board, completion due dates and reminders, a round's
-- target decision date, and the dashboard read model's copies of the two dates.

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "contactEmail" TEXT,
ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "contactPhone" TEXT;

-- AlterTable
ALTER TABLE "ComplementRequest" ADD COLUMN     "remindedAt" TIMESTAMPTZ;

-- AlterTable
ALTER TABLE "DashboardEntry" ADD COLUMN     "complementDueOn" DATE,
ADD COLUMN     "targetDecisionOn" DATE;

-- AlterTable
ALTER TABLE "GrantRound" ADD COLUMN     "targetDecisionOn" DATE;

-- CreateTable
CREATE TABLE "BoardMember" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "signatory" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "BoardMember_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BoardMember_organisationId_position_key" ON "BoardMember"("organisationId", "position");

-- CreateIndex
CREATE INDEX "ComplementRequest_dueDate_idx" ON "ComplementRequest"("dueDate");

-- CreateIndex
CREATE INDEX "DashboardEntry_roundId_complementDueOn_applicationId_idx" ON "DashboardEntry"("roundId", "complementDueOn", "applicationId");

-- CreateIndex
CREATE INDEX "DashboardEntry_submittedAt_applicationId_idx" ON "DashboardEntry"("submittedAt", "applicationId");

-- CreateIndex
CREATE INDEX "DashboardEntry_targetDecisionOn_applicationId_idx" ON "DashboardEntry"("targetDecisionOn", "applicationId");

-- AddForeignKey
ALTER TABLE "BoardMember" ADD CONSTRAINT "BoardMember_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The read model's row also carries the round's target decision date (looked up by primary key).
CREATE OR REPLACE FUNCTION samverka_dashboard_entry_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target DATE;
BEGIN
  IF TG_OP = 'DELETE' OR NEW.status = 'DRAFT' THEN
    DELETE FROM "DashboardEntry" WHERE "applicationId" = CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  SELECT r."targetDecisionOn" INTO target FROM "GrantRound" r WHERE r.id = NEW."roundId";
  INSERT INTO "DashboardEntry" ("applicationId", "roundId", status, track, variant, "countyCode", "municipalityCode", "focusAreas",
                                "requestedSek", "submittedAt", "referenceNumber", "assignedToId", "searchVector", "targetDecisionOn")
  VALUES (NEW.id, NEW."roundId", NEW.status, NEW.track, NEW.variant, NEW."countyCode", NEW."primaryMunicipalityCode", NEW."focusAreas",
          NEW."requestedSek", NEW."submittedAt", NEW."referenceNumber", NEW."assignedToId", NEW."searchVector", target)
  ON CONFLICT ("applicationId") DO UPDATE SET
    "roundId" = EXCLUDED."roundId", status = EXCLUDED.status, track = EXCLUDED.track, variant = EXCLUDED.variant,
    "countyCode" = EXCLUDED."countyCode", "municipalityCode" = EXCLUDED."municipalityCode", "focusAreas" = EXCLUDED."focusAreas",
    "requestedSek" = EXCLUDED."requestedSek", "submittedAt" = EXCLUDED."submittedAt", "referenceNumber" = EXCLUDED."referenceNumber",
    "assignedToId" = EXCLUDED."assignedToId", "searchVector" = EXCLUDED."searchVector", "targetDecisionOn" = EXCLUDED."targetDecisionOn"
  WHERE ("DashboardEntry"."roundId", "DashboardEntry".status, "DashboardEntry".track, "DashboardEntry".variant, "DashboardEntry"."countyCode",
         "DashboardEntry"."municipalityCode", "DashboardEntry"."focusAreas", "DashboardEntry"."requestedSek", "DashboardEntry"."submittedAt",
         "DashboardEntry"."referenceNumber", "DashboardEntry"."assignedToId", "DashboardEntry"."searchVector", "DashboardEntry"."targetDecisionOn")
    IS DISTINCT FROM
        (EXCLUDED."roundId", EXCLUDED.status, EXCLUDED.track, EXCLUDED.variant, EXCLUDED."countyCode", EXCLUDED."municipalityCode",
         EXCLUDED."focusAreas", EXCLUDED."requestedSek", EXCLUDED."submittedAt", EXCLUDED."referenceNumber", EXCLUDED."assignedToId",
         EXCLUDED."searchVector", EXCLUDED."targetDecisionOn");
  RETURN NEW;
END $$;

-- A round's new target date reaches its rows.
CREATE FUNCTION samverka_dashboard_round_target() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DashboardEntry" SET "targetDecisionOn" = NEW."targetDecisionOn"
  WHERE "roundId" = NEW.id AND "targetDecisionOn" IS DISTINCT FROM NEW."targetDecisionOn";
  RETURN NULL;
END $$;

CREATE TRIGGER "GrantRound_dashboard_target" AFTER UPDATE OF "targetDecisionOn" ON "GrantRound"
  FOR EACH ROW WHEN (OLD."targetDecisionOn" IS DISTINCT FROM NEW."targetDecisionOn")
  EXECUTE FUNCTION samverka_dashboard_round_target();

-- The due date of the application's open completion request (the newest unanswered one), or null.
CREATE FUNCTION samverka_dashboard_complement_due() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  app TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD."applicationId" ELSE NEW."applicationId" END;
BEGIN
  UPDATE "DashboardEntry" e SET "complementDueOn" = (
    SELECT c."dueDate" FROM "ComplementRequest" c
    WHERE c."applicationId" = app AND c."answeredAt" IS NULL
    ORDER BY c."createdAt" DESC LIMIT 1)
  WHERE e."applicationId" = app;
  RETURN NULL;
END $$;

CREATE TRIGGER "ComplementRequest_dashboard_due" AFTER INSERT OR DELETE OR UPDATE OF "dueDate", "answeredAt" ON "ComplementRequest"
  FOR EACH ROW EXECUTE FUNCTION samverka_dashboard_complement_due();

-- Today's rows.
UPDATE "DashboardEntry" e SET "targetDecisionOn" = r."targetDecisionOn" FROM "GrantRound" r WHERE r.id = e."roundId";
UPDATE "DashboardEntry" e SET "complementDueOn" = (
  SELECT c."dueDate" FROM "ComplementRequest" c
  WHERE c."applicationId" = e."applicationId" AND c."answeredAt" IS NULL
  ORDER BY c."createdAt" DESC LIMIT 1);
