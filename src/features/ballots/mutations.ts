import "server-only";
import { db, hotQuery } from "~/server/db";
import { nullifier } from "~/server/nullifier";
import { AppError } from "~/lib/app-error";
import { MAX_RANKS, recount, type BallotProfile } from "~/features/ballots/tally";
import { getWorkerProfile } from "~/features/accounts/data";
import { ballotSql, TALLY } from "~/features/ballots/tally-sql";

/**
 * The voter's coarse profile at voting time: one city, one platform, one sector, or a bucket.
 * The profile itself is sealed on the account (getWorkerProfile), so castBallot passes this in.
 */
export function coarseProfile(p: { city: string | null; platformSlugs: string[]; sectors: string[] }): BallotProfile {
  const one = (list: string[]) => (list.length === 1 ? list[0]! : list.length === 0 ? "unknown" : "several");
  return { city: p.city ?? "unknown", platform: one(p.platformSlugs), sector: one(p.sectors) };
}

export function checkRanking(demandIds: string[]) {
  if (demandIds.length === 0) throw new AppError("BAD_INPUT");
  if (demandIds.length > MAX_RANKS) throw new AppError("BALLOT_TOO_LONG");
  if (new Set(demandIds).size !== demandIds.length) throw new AppError("BALLOT_REPEATED");
}

type Outcome = { found: boolean; phase: string | null; verifiedOnly: boolean; voter: boolean; approved: number; written: number };

/**
 * One prepared statement, one round trip: checks, the ballot upsert and the running tally together.
 * - The campaign row is read FOR SHARE, so closing the campaign waits for ballots in flight and
 *   none slips in after; its phase is the one of the locked (latest) row version.
 * - The voter's coarse profile (coarseProfile, from TypeScript: it is sealed on the account) is
 *   copied onto the ballot; the account id is not stored (P3), nor whether the voter is verified
 *   (P6: that marks the account).
 * - Verified-only campaigns take token ballots only (src/features/tokens).
 * - An existing ballot is locked FOR UPDATE and its old contribution subtracted exactly once; a
 *   new one is inserted with ON CONFLICT DO NOTHING (a concurrent duplicate makes `written` 0
 *   and the caller runs the statement again, when the other ballot is visible).
 * - A first ballot from a voter the campaign's union verified adds 1 to the tally group
 *   "verified" (no cells), the verified part of the turnout; changes leave that counter alone.
 * - The tally part (tally-sql.ts, shared with the token ballot) upserts cells, then groups, in
 *   one fixed key order, so concurrent ballots cannot deadlock.
 */
function writeBallot(accountId: string, campaignId: string, key: string, demandIds: string[], profile: BallotProfile) {
  const { text, values } = ballotSql(campaignId)`
    WITH c AS MATERIALIZED (
      SELECT "phase"::text AS phase, "verifiedOnly", "unionId" FROM "Campaign" WHERE "id" = ${campaignId} FOR SHARE
    ), voter AS MATERIALIZED (
      SELECT ${profile.city}::text AS city, ${profile.platform}::text AS platform, ${profile.sector}::text AS sector,
        EXISTS (SELECT 1 FROM "Verification" v JOIN c ON v."unionId" = c."unionId" WHERE v."accountId" = a."id") AS verified
      FROM "Account" a WHERE a."id" = ${accountId}
    ), approved AS MATERIALIZED (
      SELECT count(*)::int AS n FROM "Demand" WHERE "id" = ANY(${demandIds}::text[]) AND "campaignId" = ${campaignId} AND "status" = 'APPROVED'
    ), ok AS MATERIALIZED (
      SELECT voter.* FROM c, voter, approved
      WHERE c.phase = 'VOTING' AND NOT c."verifiedOnly" AND approved.n = ${demandIds.length}
    ), old AS MATERIALIZED (
      SELECT b."demandIds", b."city", b."platform", b."sector" FROM "Ballot" b, ok WHERE b."nullifier" = ${key} FOR UPDATE OF b
    ), ins AS (
      INSERT INTO "Ballot" ("id", "campaignId", "nullifier", "demandIds", "city", "platform", "sector")
      SELECT gen_random_uuid()::text, ${campaignId}, ${key}, ${demandIds}::text[], ok.city, ok.platform, ok.sector
      FROM ok WHERE NOT EXISTS (SELECT 1 FROM old)
      ON CONFLICT ("nullifier") DO NOTHING RETURNING 1
    ), upd AS (
      UPDATE "Ballot" b SET "demandIds" = ${demandIds}::text[], "city" = ok.city, "platform" = ok.platform, "sector" = ok.sector,
        "castOn" = wv_today()
      FROM ok WHERE b."nullifier" = ${key} AND EXISTS (SELECT 1 FROM old) RETURNING 1
    ), changes AS MATERIALIZED (
      SELECT 1 AS sign, ok.verified AND EXISTS (SELECT 1 FROM ins) AS fresh, ok.city, ok.platform, ok.sector, ${demandIds}::text[] AS ranking FROM ok
      WHERE EXISTS (SELECT 1 FROM ins) OR EXISTS (SELECT 1 FROM upd)
      UNION ALL
      SELECT -1, false, old."city", old."platform", old."sector", old."demandIds" FROM old WHERE EXISTS (SELECT 1 FROM upd)
    ), ${TALLY}
    SELECT EXISTS (SELECT 1 FROM c) AS found, (SELECT phase FROM c) AS phase, coalesce((SELECT "verifiedOnly" FROM c), false) AS "verifiedOnly",
      EXISTS (SELECT 1 FROM voter) AS voter,
      (SELECT n FROM approved) AS approved, ((SELECT count(*) FROM ins) + (SELECT count(*) FROM upd))::int AS written,
      (SELECT count(*) FROM groups)::int AS tallied`;
  return hotQuery<Outcome>(text, values);
}

/** Casts or changes the account's one ballot in a campaign (PRIVACY.md P3, P6). */
export async function castBallot(accountId: string, campaignId: string, demandIds: string[]) {
  checkRanking(demandIds);
  const key = nullifier("ballot", accountId, campaignId);
  const profile = coarseProfile(await getWorkerProfile(accountId));
  // A second attempt is needed only when a concurrent first ballot from the same account
  // committed after this statement's snapshot; by then it is visible and gets updated.
  for (let attempt = 0; attempt < 5; attempt++) {
    const [o] = await writeBallot(accountId, campaignId, key, demandIds, profile);
    if (!o?.found) throw new AppError("NOT_FOUND");
    if (o.phase !== "VOTING") throw new AppError(o.phase === "CLOSED" ? "CAMPAIGN_CLOSED" : "PHASE_CLOSED");
    if (!o.voter) throw new AppError("FORBIDDEN");
    if (o.verifiedOnly) throw new AppError("TOKEN_REQUIRED");
    if (o.approved !== demandIds.length) throw new AppError("BALLOT_UNKNOWN_DEMAND");
    if (o.written > 0) return { demandIds };
  }
  throw new AppError("CONFLICT");
}

/**
 * For bulk loads that insert ballots directly (the demo seed, the benchmarks): writes the
 * campaign's running tally as a recount of those ballots gives it.
 */
export async function storeRecountedTally(campaignId: string, ballots: { demandIds: string[]; profile: BallotProfile }[]) {
  const { cells, groups } = recount(ballots);
  await db.tallyCell.createMany({ data: [...cells.values()].map((c) => ({ campaignId, ...c })) });
  await db.tallyGroup.createMany({
    data: [...groups.entries()].map(([key, count]) => {
      const [dim, value] = key.split("|") as [string, string];
      return { campaignId, dim, value, ballots: count };
    }),
  });
}
