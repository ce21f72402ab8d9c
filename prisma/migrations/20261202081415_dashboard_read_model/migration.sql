-- The officers' dashboard's read model: narrow rows and counts per status, kept by triggers.

-- CreateTable
CREATE TABLE "DashboardEntry" (
    "applicationId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL,
    "track" "Track",
    "variant" "Variant",
    "countyCode" CHAR(2),
    "municipalityCode" CHAR(4),
    "focusAreas" "FocusArea"[],
    "requestedSek" INTEGER NOT NULL,
    "submittedAt" TIMESTAMPTZ,
    "referenceNumber" TEXT,
    "assignedToId" TEXT,
    "searchVector" tsvector,

    CONSTRAINT "DashboardEntry_pkey" PRIMARY KEY ("applicationId")
);

-- CreateTable
CREATE TABLE "RoundStatusCount" (
    "roundId" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RoundStatusCount_pkey" PRIMARY KEY ("roundId","status")
);

-- CreateIndex
CREATE INDEX "DashboardEntry_roundId_status_submittedAt_applicationId_idx" ON "DashboardEntry"("roundId", "status", "submittedAt", "applicationId");

-- CreateIndex
CREATE INDEX "DashboardEntry_roundId_submittedAt_applicationId_idx" ON "DashboardEntry"("roundId", "submittedAt", "applicationId");

-- CreateIndex
CREATE INDEX "DashboardEntry_roundId_requestedSek_applicationId_idx" ON "DashboardEntry"("roundId", "requestedSek", "applicationId");

-- CreateIndex
CREATE INDEX "DashboardEntry_roundId_referenceNumber_idx" ON "DashboardEntry"("roundId", "referenceNumber");

-- CreateIndex
CREATE INDEX "DashboardEntry_roundId_countyCode_idx" ON "DashboardEntry"("roundId", "countyCode");

-- CreateIndex
CREATE INDEX "DashboardEntry_roundId_municipalityCode_idx" ON "DashboardEntry"("roundId", "municipalityCode");

-- CreateIndex
CREATE INDEX "DashboardEntry_assignedToId_idx" ON "DashboardEntry"("assignedToId");

-- CreateIndex
CREATE INDEX "DashboardEntry_searchVector_idx" ON "DashboardEntry" USING GIN ("searchVector");


-- The read model is kept by the database itself, so no code path can forget it.
CREATE FUNCTION samverka_dashboard_entry_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.status = 'DRAFT' THEN
    DELETE FROM "DashboardEntry" WHERE "applicationId" = CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  INSERT INTO "DashboardEntry" ("applicationId", "roundId", status, track, variant, "countyCode", "municipalityCode", "focusAreas",
                                "requestedSek", "submittedAt", "referenceNumber", "assignedToId", "searchVector")
  VALUES (NEW.id, NEW."roundId", NEW.status, NEW.track, NEW.variant, NEW."countyCode", NEW."primaryMunicipalityCode", NEW."focusAreas",
          NEW."requestedSek", NEW."submittedAt", NEW."referenceNumber", NEW."assignedToId", NEW."searchVector")
  ON CONFLICT ("applicationId") DO UPDATE SET
    "roundId" = EXCLUDED."roundId", status = EXCLUDED.status, track = EXCLUDED.track, variant = EXCLUDED.variant,
    "countyCode" = EXCLUDED."countyCode", "municipalityCode" = EXCLUDED."municipalityCode", "focusAreas" = EXCLUDED."focusAreas",
    "requestedSek" = EXCLUDED."requestedSek", "submittedAt" = EXCLUDED."submittedAt", "referenceNumber" = EXCLUDED."referenceNumber",
    "assignedToId" = EXCLUDED."assignedToId", "searchVector" = EXCLUDED."searchVector"
  WHERE ("DashboardEntry"."roundId", "DashboardEntry".status, "DashboardEntry".track, "DashboardEntry".variant, "DashboardEntry"."countyCode",
         "DashboardEntry"."municipalityCode", "DashboardEntry"."focusAreas", "DashboardEntry"."requestedSek", "DashboardEntry"."submittedAt",
         "DashboardEntry"."referenceNumber", "DashboardEntry"."assignedToId", "DashboardEntry"."searchVector")
    IS DISTINCT FROM
        (EXCLUDED."roundId", EXCLUDED.status, EXCLUDED.track, EXCLUDED.variant, EXCLUDED."countyCode", EXCLUDED."municipalityCode",
         EXCLUDED."focusAreas", EXCLUDED."requestedSek", EXCLUDED."submittedAt", EXCLUDED."referenceNumber", EXCLUDED."assignedToId", EXCLUDED."searchVector");
  RETURN NEW;
END $$;

CREATE TRIGGER "Application_dashboard_entry" AFTER INSERT OR UPDATE OR DELETE ON "Application"
  FOR EACH ROW EXECUTE FUNCTION samverka_dashboard_entry_sync();

CREATE FUNCTION samverka_round_status_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "RoundStatusCount" SET count = count - 1 WHERE "roundId" = OLD."roundId" AND status = OLD.status;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "RoundStatusCount" ("roundId", status, count) VALUES (NEW."roundId", NEW.status, 1)
    ON CONFLICT ("roundId", status) DO UPDATE SET count = "RoundStatusCount".count + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "DashboardEntry_round_status_count" AFTER INSERT OR DELETE ON "DashboardEntry"
  FOR EACH ROW EXECUTE FUNCTION samverka_round_status_count();

CREATE TRIGGER "DashboardEntry_round_status_change" AFTER UPDATE OF "roundId", status ON "DashboardEntry"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."roundId" IS DISTINCT FROM NEW."roundId")
  EXECUTE FUNCTION samverka_round_status_count();

-- Today's applications into the read model (the triggers count them).
INSERT INTO "DashboardEntry" ("applicationId", "roundId", status, track, variant, "countyCode", "municipalityCode", "focusAreas",
                              "requestedSek", "submittedAt", "referenceNumber", "assignedToId", "searchVector")
SELECT id, "roundId", status, track, variant, "countyCode", "primaryMunicipalityCode", "focusAreas", "requestedSek", "submittedAt",
       "referenceNumber", "assignedToId", "searchVector"
FROM "Application" WHERE status <> 'DRAFT';
