-- Issue 12: no live tallies. During voting everyone sees the turnout in steps of 5; the exact
-- tally is published once, at close, so the organiser's choice of live results goes.
ALTER TABLE "Campaign" DROP COLUMN "liveResults";
