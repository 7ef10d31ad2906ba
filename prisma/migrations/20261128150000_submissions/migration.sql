-- CreateEnum
CREATE TYPE "AnswerStatus" AS ENUM ('ACCEPTED', 'PARTLY_ACCEPTED', 'NEGOTIATING', 'REJECTED');

-- CreateEnum
CREATE TYPE "VerdictValue" AS ENUM ('YES', 'PARTLY', 'NO');

-- CreateEnum
CREATE TYPE "PartyKind" AS ENUM ('PLATFORM', 'UNION');

-- AlterTable
ALTER TABLE "Ballot" ADD COLUMN     "verified" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "answerId" TEXT,
ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "submissionId" TEXT;

-- CreateTable
CREATE TABLE "Submission" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "unionId" TEXT NOT NULL,
    "draftCoverLetter" TEXT NOT NULL DEFAULT '',
    "draftChangelog" TEXT,
    "responseDays" INTEGER NOT NULL DEFAULT 30,
    "firstPublishedOn" DATE,
    "respondBy" DATE,
    "currentVersion" INTEGER NOT NULL DEFAULT 0,
    "createdOn" DATE NOT NULL DEFAULT CURRENT_DATE,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionVersion" (
    "submissionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "publishedOn" DATE NOT NULL,
    "changelog" TEXT,
    "document" TEXT NOT NULL,
    "digest" TEXT NOT NULL,

    CONSTRAINT "SubmissionVersion_pkey" PRIMARY KEY ("submissionId","version")
);

-- CreateTable
CREATE TABLE "SubmissionItem" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "demandId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "SubmissionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionParty" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "kind" "PartyKind" NOT NULL,
    "platformId" TEXT,
    "unionId" TEXT,
    "firstAnsweredOn" DATE,
    "completedOn" DATE,
    "overdueNoticeOn" DATE,

    CONSTRAINT "SubmissionParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "partyId" TEXT NOT NULL,
    "status" "AnswerStatus" NOT NULL,
    "text" TEXT NOT NULL,
    "dueOn" DATE,
    "answeredOn" DATE NOT NULL DEFAULT CURRENT_DATE,
    "authorId" TEXT,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "verdictsOpenOn" DATE,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItemVerdict" (
    "id" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "nullifier" TEXT NOT NULL,
    "value" "VerdictValue" NOT NULL,
    "city" TEXT,
    "platform" TEXT,
    "sector" TEXT,
    "givenOn" DATE NOT NULL DEFAULT CURRENT_DATE,

    CONSTRAINT "ItemVerdict_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Submission_campaignId_key" ON "Submission"("campaignId");

-- CreateIndex
CREATE INDEX "Submission_unionId_idx" ON "Submission"("unionId");

-- CreateIndex
CREATE INDEX "Submission_firstPublishedOn_idx" ON "Submission"("firstPublishedOn");

-- CreateIndex
CREATE INDEX "SubmissionVersion_digest_idx" ON "SubmissionVersion"("digest");

-- CreateIndex
CREATE INDEX "SubmissionItem_submissionId_rank_idx" ON "SubmissionItem"("submissionId", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionItem_submissionId_demandId_key" ON "SubmissionItem"("submissionId", "demandId");

-- CreateIndex
CREATE INDEX "SubmissionParty_platformId_idx" ON "SubmissionParty"("platformId");

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionParty_submissionId_platformId_key" ON "SubmissionParty"("submissionId", "platformId");

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionParty_submissionId_unionId_key" ON "SubmissionParty"("submissionId", "unionId");

-- CreateIndex
CREATE INDEX "Answer_itemId_partyId_current_idx" ON "Answer"("itemId", "partyId", "current");

-- CreateIndex
CREATE INDEX "Answer_partyId_idx" ON "Answer"("partyId");

-- CreateIndex
CREATE INDEX "Answer_dueOn_idx" ON "Answer"("dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "ItemVerdict_nullifier_key" ON "ItemVerdict"("nullifier");

-- CreateIndex
CREATE INDEX "ItemVerdict_answerId_value_idx" ON "ItemVerdict"("answerId", "value");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_accountId_dedupeKey_key" ON "Notification"("accountId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_unionId_fkey" FOREIGN KEY ("unionId") REFERENCES "Union"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionVersion" ADD CONSTRAINT "SubmissionVersion_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionItem" ADD CONSTRAINT "SubmissionItem_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionParty" ADD CONSTRAINT "SubmissionParty_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionParty" ADD CONSTRAINT "SubmissionParty_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionParty" ADD CONSTRAINT "SubmissionParty_unionId_fkey" FOREIGN KEY ("unionId") REFERENCES "Union"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "SubmissionItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "SubmissionParty"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemVerdict" ADD CONSTRAINT "ItemVerdict_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

