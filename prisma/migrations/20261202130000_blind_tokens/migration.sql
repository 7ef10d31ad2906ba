-- Issue 11: verified ballots through blind signatures (RFC 9474). Verification marks the
-- account, not the act: Ballot.verified goes; the verified part of a campaign is counted in the
-- running tally group "verified" (first ballots of verified voters; in a verified-only campaign
-- every token ballot), and tokens issued are counted on the campaign's key.
CREATE TABLE "CampaignTokenKey" (
    "campaignId" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "sealedKey" TEXT NOT NULL,
    "issued" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CampaignTokenKey_pkey" PRIMARY KEY ("campaignId")
);
ALTER TABLE "CampaignTokenKey" ADD CONSTRAINT "CampaignTokenKey_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "TokenIssue" (
    "key" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    CONSTRAINT "TokenIssue_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "TokenIssue_campaignId_idx" ON "TokenIssue"("campaignId");

CREATE TABLE "TokenProfile" (
    "campaignId" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "holders" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "TokenProfile_pkey" PRIMARY KEY ("campaignId", "city", "platform", "sector")
);

ALTER TABLE "Ballot" ADD COLUMN "changeHash" TEXT;
ALTER TABLE "Ballot" DROP COLUMN "verified";
