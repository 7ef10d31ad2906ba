-- Sessions stop being an activity log (PRIVACY.md P2, issue 11): the row is keyed by the SHA-256
-- of the session id (the JWT carries the id itself, so a dump plus AUTH_SECRET no longer forges a
-- live session), expires to the day, and is deleted when it ends instead of being marked
-- revoked at the millisecond. Existing rows cannot be converted (their expiry times are what must
-- go, and hashing them in place would keep them alive): they are deleted, and everyone signed in
-- signs in again once.
DELETE FROM "Session";

ALTER TABLE "Session" DROP CONSTRAINT "Session_pkey";
ALTER TABLE "Session" DROP COLUMN "id", DROP COLUMN "expiresAt", DROP COLUMN "revokedAt";
ALTER TABLE "Session" ADD COLUMN "idHash" TEXT NOT NULL, ADD COLUMN "expiresOn" DATE NOT NULL;
ALTER TABLE "Session" ADD CONSTRAINT "Session_pkey" PRIMARY KEY ("idHash");
CREATE INDEX "Session_expiresOn_idx" ON "Session"("expiresOn");
