-- How many completed reviews a case of the round needs before it can be proposed for decision.
ALTER TABLE "GrantRound" ADD COLUMN "reviewsRequired" INTEGER NOT NULL DEFAULT 1;
