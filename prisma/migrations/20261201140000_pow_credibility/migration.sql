-- Issue 13: single-use join proofs of work, verified-only petitions, and the verified part of
-- petition counts and campaign tallies.
CREATE TABLE "SpentChallenge" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "SpentChallenge_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "SpentChallenge_expiresAt_idx" ON "SpentChallenge"("expiresAt");

ALTER TABLE "Petition" ADD COLUMN "verifiedOnly" BOOLEAN NOT NULL DEFAULT false;
-- Signatures made before this migration are counted as unverified: nothing links them to an account.
ALTER TABLE "PetitionSignature" ADD COLUMN "verified" BOOLEAN NOT NULL DEFAULT false;

-- The verified ballots of each campaign as a running tally group (dim "verified"), filled once
-- from the ballots, then kept by castBallot like the other groups.
INSERT INTO "TallyGroup" ("campaignId", "dim", "value", "ballots")
SELECT "campaignId", 'verified', '', count(*)::int FROM "Ballot" WHERE "verified" GROUP BY "campaignId";
