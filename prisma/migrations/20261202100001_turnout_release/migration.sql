-- Issue 12: the stepped turnout of a campaign in voting, released together with its verified
-- part, so the verified figure never moves while the turnout stands still.
CREATE TABLE "TurnoutRelease" (
    "campaignId" TEXT NOT NULL,
    "ballots" INTEGER NOT NULL,
    "verified" INTEGER NOT NULL,

    CONSTRAINT "TurnoutRelease_pkey" PRIMARY KEY ("campaignId")
);

ALTER TABLE "TurnoutRelease" ADD CONSTRAINT "TurnoutRelease_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
