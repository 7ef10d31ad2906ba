-- Issue 16: an organiser may include the addressed platforms' scorecards in a submission. The
-- choice belongs to the draft; publishing freezes the scorecards into the version's document.
ALTER TABLE "Submission" ADD COLUMN "draftScorecard" BOOLEAN NOT NULL DEFAULT false;
