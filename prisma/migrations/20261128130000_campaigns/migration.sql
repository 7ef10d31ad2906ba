-- CreateEnum
CREATE TYPE "CampaignPhase" AS ENUM ('PROPOSING', 'VOTING', 'CLOSED');

-- CreateEnum
CREATE TYPE "DemandStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'MERGED');

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "unionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "scopePlatformSlugs" TEXT[],
    "scopeSectors" "Sector"[],
    "scopeCities" TEXT[],
    "targetPlatformSlugs" TEXT[],
    "targetsUnion" BOOLEAN NOT NULL DEFAULT false,
    "targetGovernment" TEXT,
    "phase" "CampaignPhase" NOT NULL DEFAULT 'PROPOSING',
    "proposingFrom" DATE NOT NULL,
    "votingFrom" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "verifiedOnly" BOOLEAN NOT NULL DEFAULT false,
    "liveResults" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Demand" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "status" "DemandStatus" NOT NULL DEFAULT 'PENDING',
    "rejectReason" TEXT,
    "mergedIntoId" TEXT,
    "proposer" TEXT,
    "byOrganiser" BOOLEAN NOT NULL DEFAULT false,
    "supportCount" INTEGER NOT NULL DEFAULT 0,
    "createdOn" DATE NOT NULL DEFAULT CURRENT_DATE,

    CONSTRAINT "Demand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemandRevision" (
    "id" TEXT NOT NULL,
    "demandId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "note" TEXT,
    "createdOn" DATE NOT NULL DEFAULT CURRENT_DATE,

    CONSTRAINT "DemandRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemandSupport" (
    "demandId" TEXT NOT NULL,
    "supporter" TEXT NOT NULL,

    CONSTRAINT "DemandSupport_pkey" PRIMARY KEY ("demandId","supporter")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "nullifier" TEXT NOT NULL,
    "demandIds" TEXT[],
    "city" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "castOn" DATE NOT NULL DEFAULT CURRENT_DATE,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TallyCell" (
    "campaignId" TEXT NOT NULL,
    "dim" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "demandId" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "firsts" INTEGER NOT NULL DEFAULT 0,
    "includes" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TallyCell_pkey" PRIMARY KEY ("campaignId","dim","value","demandId")
);

-- CreateTable
CREATE TABLE "TallyGroup" (
    "campaignId" TEXT NOT NULL,
    "dim" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "ballots" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TallyGroup_pkey" PRIMARY KEY ("campaignId","dim","value")
);

-- CreateTable
CREATE TABLE "CampaignFollow" (
    "campaignId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,

    CONSTRAINT "CampaignFollow_pkey" PRIMARY KEY ("campaignId","accountId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "read" BOOLEAN NOT NULL DEFAULT false,
    "createdOn" DATE NOT NULL DEFAULT CURRENT_DATE,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InviteCode" (
    "id" TEXT NOT NULL,
    "unionId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InviteCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Campaign_unionId_idx" ON "Campaign"("unionId");

-- CreateIndex
CREATE INDEX "Campaign_phase_idx" ON "Campaign"("phase");

-- CreateIndex
CREATE INDEX "Demand_campaignId_status_idx" ON "Demand"("campaignId", "status");

-- CreateIndex
CREATE INDEX "Demand_proposer_idx" ON "Demand"("proposer");

-- CreateIndex
CREATE UNIQUE INDEX "Demand_campaignId_number_key" ON "Demand"("campaignId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "DemandRevision_demandId_version_key" ON "DemandRevision"("demandId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_nullifier_key" ON "Ballot"("nullifier");

-- CreateIndex
CREATE INDEX "Ballot_campaignId_idx" ON "Ballot"("campaignId");

-- CreateIndex
CREATE INDEX "CampaignFollow_accountId_idx" ON "CampaignFollow"("accountId");

-- CreateIndex
CREATE INDEX "Notification_accountId_read_idx" ON "Notification"("accountId", "read");

-- CreateIndex
CREATE UNIQUE INDEX "InviteCode_codeHash_key" ON "InviteCode"("codeHash");

-- CreateIndex
CREATE INDEX "InviteCode_unionId_idx" ON "InviteCode"("unionId");

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_unionId_fkey" FOREIGN KEY ("unionId") REFERENCES "Union"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demand" ADD CONSTRAINT "Demand_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demand" ADD CONSTRAINT "Demand_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Demand"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemandRevision" ADD CONSTRAINT "DemandRevision_demandId_fkey" FOREIGN KEY ("demandId") REFERENCES "Demand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemandSupport" ADD CONSTRAINT "DemandSupport_demandId_fkey" FOREIGN KEY ("demandId") REFERENCES "Demand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TallyCell" ADD CONSTRAINT "TallyCell_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TallyGroup" ADD CONSTRAINT "TallyGroup_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignFollow" ADD CONSTRAINT "CampaignFollow_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignFollow" ADD CONSTRAINT "CampaignFollow_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InviteCode" ADD CONSTRAINT "InviteCode_unionId_fkey" FOREIGN KEY ("unionId") REFERENCES "Union"("id") ON DELETE CASCADE ON UPDATE CASCADE;

