-- Issue 11, way 2: ids that tell no time. Prisma's cuid() (v1) embeds the millisecond and a
-- per-process counter, so a worker's new account (counter 0) and their demand proposal 24 s
-- later (counter 1) were linkable, and a day-rounded date beside such an id hid nothing.
-- Every id is now drawn by the database: 128 random bits, 32 hex characters, from one function
-- that every table's default uses (a new table must use it too: src/server/ids.test.ts).
-- gen_random_uuid() is core PostgreSQL (13+) and PGlite; its 122 random bits, two of them
-- hashed together, give 128 uniform bits without pgcrypto.
CREATE OR REPLACE FUNCTION wv_random_id() RETURNS text
  LANGUAGE sql VOLATILE PARALLEL SAFE
  AS $$ SELECT substr(encode(sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())), 'hex'), 1, 32) $$;

ALTER TABLE "Platform" ALTER COLUMN "id" SET DEFAULT wv_random_id();
ALTER TABLE "Union" ALTER COLUMN "id" SET DEFAULT wv_random_id();
ALTER TABLE "Account" ALTER COLUMN "id" SET DEFAULT wv_random_id();
ALTER TABLE "Campaign" ALTER COLUMN "id" SET DEFAULT wv_random_id();
ALTER TABLE "Demand" ALTER COLUMN "id" SET DEFAULT wv_random_id();
ALTER TABLE "DemandRevision" ALTER COLUMN "id" SET DEFAULT wv_random_id();
ALTER TABLE "Ballot" ALTER COLUMN "id" SET DEFAULT wv_random_id();
ALTER TABLE "Notification" ALTER COLUMN "id" SET DEFAULT wv_random_id();
ALTER TABLE "InviteCode" ALTER COLUMN "id" SET DEFAULT wv_random_id();
ALTER TABLE "PetitionSignature" ALTER COLUMN "id" SET DEFAULT wv_random_id();
ALTER TABLE "Report" ALTER COLUMN "id" SET DEFAULT wv_random_id();
ALTER TABLE "Submission" ALTER COLUMN "id" SET DEFAULT wv_random_id();
ALTER TABLE "SubmissionItem" ALTER COLUMN "id" SET DEFAULT wv_random_id();
ALTER TABLE "SubmissionParty" ALTER COLUMN "id" SET DEFAULT wv_random_id();
ALTER TABLE "Answer" ALTER COLUMN "id" SET DEFAULT wv_random_id();
ALTER TABLE "ItemVerdict" ALTER COLUMN "id" SET DEFAULT wv_random_id();

-- A suspension is a fact about the account, not a moment beside it (P2, P3).
ALTER TABLE "Account" ADD COLUMN "suspended" BOOLEAN NOT NULL DEFAULT false;
UPDATE "Account" SET "suspended" = true WHERE "suspendedAt" IS NOT NULL;
ALTER TABLE "Account" DROP COLUMN "suspendedAt";

-- Re-keying the rows made before (CONTRIBUTING.md, "Ids"). Ids that stay, because a digest, a
-- link or a nullifier covers them: Platform (report nullifiers hash the platform id), Campaign
-- (ballot, support and proposer nullifiers; /campaigns/<id> links; published documents),
-- Answer (verdict nullifiers; notices), Petition (already random; sponsor and signature
-- nullifiers), published Submission, SubmissionItem and their campaign's Demand rows (in the
-- canonical JSON its SHA-256 covers, and in the open data). Accounts are re-keyed after
-- migrating by src/scripts/rekey-legacy-accounts.ts, which needs NULLIFIER_KEY. Everything else
-- made by cuid() gets a new random id here, with every reference (the foreign keys below are all
-- ON UPDATE CASCADE; the references without one are updated by hand).
CREATE FUNCTION wv_is_cuid(id text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT id ~ '^c[0-9a-z]{24}$' $$;

-- Unions: Account, Campaign, Petition, InviteCode, Verification, Submission, SubmissionParty and
-- ModerationAssignment follow through their foreign keys.
UPDATE "Union" SET "id" = wv_random_id() WHERE wv_is_cuid("id");

-- Demands of campaigns with no published version: DemandRevision, DemandSupport and merges
-- follow by cascade; ballots' rankings, tally cells and submission items name them without one.
CREATE TEMP TABLE wv_demand_key ON COMMIT DROP AS
  SELECT d."id" AS old, wv_random_id() AS new FROM "Demand" d
  WHERE wv_is_cuid(d."id") AND NOT EXISTS (
    SELECT 1 FROM "Submission" s JOIN "SubmissionVersion" v ON v."submissionId" = s."id" WHERE s."campaignId" = d."campaignId");
UPDATE "Demand" d SET "id" = k.new FROM wv_demand_key k WHERE d."id" = k.old;
UPDATE "Ballot" b SET "demandIds" = (
    SELECT array_agg(coalesce(k.new, x) ORDER BY ord) FROM unnest(b."demandIds") WITH ORDINALITY AS u(x, ord) LEFT JOIN wv_demand_key k ON k.old = x)
  WHERE b."demandIds" && ARRAY(SELECT old FROM wv_demand_key);
UPDATE "TallyCell" c SET "demandId" = k.new FROM wv_demand_key k WHERE c."demandId" = k.old;
UPDATE "SubmissionItem" i SET "demandId" = k.new FROM wv_demand_key k WHERE i."demandId" = k.old;

-- Submissions never published (items and parties follow by cascade, notices by hand).
CREATE TEMP TABLE wv_submission_key ON COMMIT DROP AS
  SELECT s."id" AS old, wv_random_id() AS new FROM "Submission" s
  WHERE wv_is_cuid(s."id") AND NOT EXISTS (SELECT 1 FROM "SubmissionVersion" v WHERE v."submissionId" = s."id");
UPDATE "Submission" s SET "id" = k.new FROM wv_submission_key k WHERE s."id" = k.old;
UPDATE "Notification" n SET "submissionId" = k.new FROM wv_submission_key k WHERE n."submissionId" = k.old;

-- Parties (answers follow by cascade; the open data names a party by its slug) and rows nothing
-- references.
UPDATE "SubmissionParty" SET "id" = wv_random_id() WHERE wv_is_cuid("id");
UPDATE "DemandRevision" SET "id" = wv_random_id() WHERE wv_is_cuid("id");
UPDATE "Ballot" SET "id" = wv_random_id() WHERE wv_is_cuid("id");
UPDATE "Report" SET "id" = wv_random_id() WHERE wv_is_cuid("id");
UPDATE "PetitionSignature" SET "id" = wv_random_id() WHERE wv_is_cuid("id");
UPDATE "ItemVerdict" SET "id" = wv_random_id() WHERE wv_is_cuid("id");
UPDATE "Notification" SET "id" = wv_random_id() WHERE wv_is_cuid("id");
UPDATE "InviteCode" SET "id" = wv_random_id() WHERE wv_is_cuid("id");
