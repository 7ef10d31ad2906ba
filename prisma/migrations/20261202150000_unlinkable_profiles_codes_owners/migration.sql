-- Issue 11, ways 1, 5 and 7: nothing on Account, InviteCode, Verification, PetitionSignature or
-- Petition that joins an act to an account or two acts of one worker to each other. The parts
-- that need a key outside the database (sealing profiles, re-keying owner keys, tagging verified
-- signatures) are done right after migrating by src/scripts/seal-worker-records.ts.

-- Way 1: profiles leave Account. Clear profiles wait in LegacyWorkerProfile until the start step
-- seals them onto "profileSealed" and deletes (and vacuums) the rows.
CREATE TABLE "LegacyWorkerProfile" (
    "accountId" TEXT NOT NULL,
    "sectors" "Sector"[],
    "platformSlugs" TEXT[],
    "city" TEXT,
    CONSTRAINT "LegacyWorkerProfile_pkey" PRIMARY KEY ("accountId")
);
ALTER TABLE "LegacyWorkerProfile" ADD CONSTRAINT "LegacyWorkerProfile_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
INSERT INTO "LegacyWorkerProfile" ("accountId", "sectors", "platformSlugs", "city")
SELECT "id", "sectors", "platformSlugs", "city" FROM "Account" WHERE "role" = 'WORKER';

ALTER TABLE "Account" ADD COLUMN "profileSealed" TEXT;
ALTER TABLE "Account" DROP COLUMN "sectors", DROP COLUMN "platformSlugs", DROP COLUMN "city";

-- Way 5: codes are deleted when used (used ones go now), expire by the day, and keep no creation
-- or use date. Unused codes keep their unkeyed hash until they expire (14 days at most);
-- redemption accepts that form too until then.
DELETE FROM "InviteCode" WHERE "usedOn" IS NOT NULL;
ALTER TABLE "InviteCode" ADD COLUMN "expiresOn" DATE;
UPDATE "InviteCode" SET "expiresOn" = (("expiresAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date;
ALTER TABLE "InviteCode" ALTER COLUMN "expiresOn" SET NOT NULL;
ALTER TABLE "InviteCode" DROP COLUMN "expiresAt", DROP COLUMN "usedOn", DROP COLUMN "createdAt";

ALTER TABLE "Verification" DROP COLUMN "verifiedOn";

-- Way 5: no verified flag on signatures. Until the start step replaces them, "legacy:1" and
-- "legacy:0" carry the old flag (as readable as before, for minutes).
ALTER TABLE "PetitionSignature" ADD COLUMN "withdrawTag" TEXT;
UPDATE "PetitionSignature" SET "withdrawTag" = CASE WHEN "verified" THEN 'legacy:1' ELSE 'legacy:0' END;
ALTER TABLE "PetitionSignature" ALTER COLUMN "withdrawTag" SET NOT NULL;
ALTER TABLE "PetitionSignature" DROP COLUMN "verified";

-- Way 7: owner keys become per petition ("o1:" prefix); the start step re-keys older rows.
DROP INDEX "Petition_ownerKey_idx";
