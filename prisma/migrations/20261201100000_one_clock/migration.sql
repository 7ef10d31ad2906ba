-- One clock (CONTRIBUTING.md): "today" is the calendar day in China time everywhere.
-- CURRENT_DATE follows the session's time zone, which stays UTC (changing it would shift how
-- every stored timestamp reads), so between 00:00 and 08:00 China time it named yesterday.
-- Asia/Shanghai has no daylight saving. The argument defaults to now(), unless the session set
-- wv.fake_now: tests pin the clock with it (SET wv.fake_now = '2026-03-31T16:30Z') to drive the
-- real statements across China's midnight. Only a session's own SQL can set it.
CREATE FUNCTION wv_today(moment timestamptz DEFAULT coalesce(nullif(current_setting('wv.fake_now', true), '')::timestamptz, now())) RETURNS date
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT (moment AT TIME ZONE 'Asia/Shanghai')::date $$;

ALTER TABLE "Account" ALTER COLUMN "createdOn" SET DEFAULT wv_today();
ALTER TABLE "Verification" ALTER COLUMN "verifiedOn" SET DEFAULT wv_today();
ALTER TABLE "Demand" ALTER COLUMN "createdOn" SET DEFAULT wv_today();
ALTER TABLE "DemandRevision" ALTER COLUMN "createdOn" SET DEFAULT wv_today();
ALTER TABLE "Ballot" ALTER COLUMN "castOn" SET DEFAULT wv_today();
ALTER TABLE "Notification" ALTER COLUMN "createdOn" SET DEFAULT wv_today();
ALTER TABLE "Petition" ALTER COLUMN "createdOn" SET DEFAULT wv_today();
ALTER TABLE "PetitionSponsor" ALTER COLUMN "sponsoredOn" SET DEFAULT wv_today();
ALTER TABLE "PetitionSignature" ALTER COLUMN "signedOn" SET DEFAULT wv_today();
ALTER TABLE "PetitionMilestone" ALTER COLUMN "reachedOn" SET DEFAULT wv_today();
ALTER TABLE "Submission" ALTER COLUMN "createdOn" SET DEFAULT wv_today();
ALTER TABLE "Answer" ALTER COLUMN "answeredOn" SET DEFAULT wv_today();
ALTER TABLE "ItemVerdict" ALTER COLUMN "givenOn" SET DEFAULT wv_today();
