-- Issue 16: the scorecard reads sealed cells only (CONTRIBUTING.md "Statistics from a fixed
-- lattice"), so its counters, the verified count and the pay histogram are carried into the
-- lattice at sealing, rounded once like every other sealed numerator
-- (src/features/stats/lattice/data.ts).

-- NULL: the cell was sealed before these columns existed. Such cells are never scored (the
-- scorecard reads only cells with counters), rather than counted again now: a second random
-- draw of a sealed cell next to the first would let a reader average the rounding away.
ALTER TABLE "SealedCell" ADD COLUMN "verified" INTEGER,
ADD COLUMN "scorePayData" INTEGER,
ADD COLUMN "scorePartyAnswered" INTEGER,
ADD COLUMN "scorePartyIdentified" INTEGER,
ADD COLUMN "scoreSafetyTraining" INTEGER,
ADD COLUMN "scoreEquipmentProvided" INTEGER,
ADD COLUMN "scoreAccidentCovered" INTEGER,
ADD COLUMN "scoreDeactivatedNoAppeal" INTEGER,
ADD COLUMN "scorePenaltiesExplained" INTEGER,
ADD COLUMN "scorePayChangesExplained" INTEGER;

-- Pay histograms sealed so far were copied exact; the scorecard's is rounded (see sealing), so
-- the exact ones are dropped before anything reads them. Their cells have no counters anyway.
DELETE FROM "SealedHistogram" WHERE "measure" = 'NET_AFTER_COSTS_PER_ACTIVE_HOUR';

-- Whether the author was verified in person when filing, as a tag only the server can read:
-- HMAC(NULLIFIER_KEY, "report-verified", nullifier) if so, HMAC(NULLIFIER_KEY,
-- "report-unverified", nullifier) otherwise, both 22 base64url characters
-- (src/features/reports/verified-tag.ts). NULL: filed before, unverified.
ALTER TABLE "Report" ADD COLUMN "verifiedTag" TEXT;
