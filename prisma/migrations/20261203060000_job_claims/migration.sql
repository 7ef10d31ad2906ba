-- Issue 15: several app instances run the scheduled jobs once per hour between them. Before the
-- hour's jobs run, an instance inserts (job, hour); the primary key lets one insert win, and
-- only the winner runs them. No row names an account, a session or an address; rows older than
-- two days are deleted.
CREATE TABLE "JobClaim" (
    "job" TEXT NOT NULL,
    "hour" INTEGER NOT NULL,
    CONSTRAINT "JobClaim_pkey" PRIMARY KEY ("job", "hour")
);
