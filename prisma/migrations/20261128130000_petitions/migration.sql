-- CreateEnum
CREATE TYPE "PetitionStatus" AS ENUM ('GATHERING_SPONSORS', 'PENDING_MODERATION', 'PUBLISHED', 'REJECTED');

-- CreateEnum
CREATE TYPE "PetitionTarget" AS ENUM ('PLATFORM', 'UNION', 'OTHER');

-- CreateEnum
CREATE TYPE "CommentStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "Petition" (
    "id" TEXT NOT NULL,
    "shortCode" TEXT NOT NULL,
    "ownerKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ask" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "targetKind" "PetitionTarget" NOT NULL,
    "platformId" TEXT,
    "unionId" TEXT,
    "targetName" TEXT,
    "campaignId" TEXT,
    "status" "PetitionStatus" NOT NULL DEFAULT 'GATHERING_SPONSORS',
    "sponsorCount" INTEGER NOT NULL DEFAULT 0,
    "threshold" INTEGER NOT NULL DEFAULT 1000,
    "durationDays" INTEGER NOT NULL DEFAULT 90,
    "createdOn" DATE NOT NULL DEFAULT CURRENT_DATE,
    "publishedOn" DATE,
    "closesOn" DATE,
    "rejectionReason" TEXT,
    "moderatedById" TEXT,
    "thresholdReachedOn" DATE,
    "milestoneReached" INTEGER NOT NULL DEFAULT 0,
    "responseText" TEXT,
    "respondedOn" DATE,
    "deliveredTo" TEXT,
    "deliveredOn" DATE,

    CONSTRAINT "Petition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PetitionSponsor" (
    "petitionId" TEXT NOT NULL,
    "nullifier" TEXT NOT NULL,
    "sponsoredOn" DATE NOT NULL DEFAULT CURRENT_DATE
);

-- CreateTable
CREATE TABLE "PetitionSignature" (
    "id" TEXT NOT NULL,
    "petitionId" TEXT NOT NULL,
    "nullifier" TEXT NOT NULL,
    "city" TEXT,
    "platformSlug" TEXT,
    "sector" TEXT,
    "signedOn" DATE NOT NULL DEFAULT CURRENT_DATE,
    "comment" TEXT,
    "commentStatus" "CommentStatus",

    CONSTRAINT "PetitionSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PetitionTally" (
    "petitionId" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PetitionTally_pkey" PRIMARY KEY ("petitionId","dimension","value","slot")
);

-- CreateTable
CREATE TABLE "PetitionMilestone" (
    "petitionId" TEXT NOT NULL,
    "signatures" INTEGER NOT NULL,
    "reachedOn" DATE NOT NULL DEFAULT CURRENT_DATE,

    CONSTRAINT "PetitionMilestone_pkey" PRIMARY KEY ("petitionId","signatures")
);

-- CreateIndex
CREATE UNIQUE INDEX "Petition_shortCode_key" ON "Petition"("shortCode");

-- CreateIndex
CREATE INDEX "Petition_status_publishedOn_idx" ON "Petition"("status", "publishedOn");

-- CreateIndex
CREATE INDEX "Petition_ownerKey_idx" ON "Petition"("ownerKey");

-- CreateIndex
CREATE INDEX "Petition_platformId_status_idx" ON "Petition"("platformId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PetitionSponsor_nullifier_key" ON "PetitionSponsor"("nullifier");

-- CreateIndex
CREATE INDEX "PetitionSponsor_petitionId_idx" ON "PetitionSponsor"("petitionId");

-- CreateIndex
CREATE UNIQUE INDEX "PetitionSignature_nullifier_key" ON "PetitionSignature"("nullifier");

-- CreateIndex
CREATE INDEX "PetitionSignature_petitionId_commentStatus_idx" ON "PetitionSignature"("petitionId", "commentStatus");

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_unionId_fkey" FOREIGN KEY ("unionId") REFERENCES "Union"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PetitionSponsor" ADD CONSTRAINT "PetitionSponsor_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PetitionSignature" ADD CONSTRAINT "PetitionSignature_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PetitionTally" ADD CONSTRAINT "PetitionTally_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PetitionMilestone" ADD CONSTRAINT "PetitionMilestone_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

