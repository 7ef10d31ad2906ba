-- Platforms' statements on the principles of their scorecard (issue 16): moderated, shown apart
-- as the platform's, never read by the score.
CREATE TABLE "PlatformStatement" (
    "id" TEXT NOT NULL DEFAULT wv_random_id(),
    "platformId" TEXT NOT NULL,
    "principle" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "status" "CommentStatus" NOT NULL DEFAULT 'PENDING',
    "authorId" TEXT,
    "submittedOn" DATE NOT NULL DEFAULT wv_today(),
    "moderatedById" TEXT,
    "moderatedOn" DATE,
    "rejectionReason" TEXT,

    CONSTRAINT "PlatformStatement_pkey" PRIMARY KEY ("id"),
    -- PRINCIPLES in src/features/scorecard/method.ts; the schema refuses anything else first.
    CONSTRAINT "PlatformStatement_principle_check" CHECK ("principle" IN ('pay', 'conditions', 'contracts', 'management', 'representation'))
);

-- CreateIndex
CREATE INDEX "PlatformStatement_platformId_status_idx" ON "PlatformStatement"("platformId", "status");

-- CreateIndex
CREATE INDEX "PlatformStatement_status_idx" ON "PlatformStatement"("status");

-- AddForeignKey
ALTER TABLE "PlatformStatement" ADD CONSTRAINT "PlatformStatement_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
