import "server-only";
import { db, type Tx } from "~/server/db";
import { nullifier } from "~/server/nullifier";
import { AppError } from "~/lib/app-error";
import { isVerified } from "~/features/verification/data";
import { ballotChange, MAX_RANKS, type BallotProfile } from "~/features/ballots/tally";

/** The voter's coarse profile at voting time: one city, one platform, one sector, or a bucket. */
export function coarseProfile(p: { city: string | null; platformSlugs: string[]; sectors: string[] }): BallotProfile {
  const one = (list: string[]) => (list.length === 1 ? list[0]! : list.length === 0 ? "unknown" : "several");
  return { city: p.city ?? "unknown", platform: one(p.platformSlugs), sector: one(p.sectors) };
}

function checkRanking(demandIds: string[]) {
  if (demandIds.length === 0) throw new AppError("BAD_INPUT");
  if (demandIds.length > MAX_RANKS) throw new AppError("BALLOT_TOO_LONG");
  if (new Set(demandIds).size !== demandIds.length) throw new AppError("BALLOT_REPEATED");
}

async function applyTally(tx: Tx, campaignId: string, change: ReturnType<typeof ballotChange>) {
  const { cells, groups } = change;
  if (cells.length) {
    await tx.$executeRaw`
      INSERT INTO "TallyCell" ("campaignId", "dim", "value", "demandId", "points", "firsts", "includes")
      SELECT ${campaignId}, d.dim, d.value, d.demand, d.points, d.firsts, d.includes
      FROM unnest(${cells.map((c) => c.dim)}::text[], ${cells.map((c) => c.value)}::text[], ${cells.map((c) => c.demandId)}::text[],
                  ${cells.map((c) => c.points)}::int[], ${cells.map((c) => c.firsts)}::int[], ${cells.map((c) => c.includes)}::int[])
           WITH ORDINALITY AS d(dim, value, demand, points, firsts, includes, ord)
      ORDER BY d.ord
      ON CONFLICT ("campaignId", "dim", "value", "demandId") DO UPDATE SET
        "points" = "TallyCell"."points" + EXCLUDED."points",
        "firsts" = "TallyCell"."firsts" + EXCLUDED."firsts",
        "includes" = "TallyCell"."includes" + EXCLUDED."includes"`;
  }
  if (groups.length) {
    await tx.$executeRaw`
      INSERT INTO "TallyGroup" ("campaignId", "dim", "value", "ballots")
      SELECT ${campaignId}, g.dim, g.value, g.ballots
      FROM unnest(${groups.map((g) => g.dim)}::text[], ${groups.map((g) => g.value)}::text[], ${groups.map((g) => g.ballots)}::int[])
           WITH ORDINALITY AS g(dim, value, ballots, ord)
      ORDER BY g.ord
      ON CONFLICT ("campaignId", "dim", "value") DO UPDATE SET "ballots" = "TallyGroup"."ballots" + EXCLUDED."ballots"`;
  }
}

/**
 * Casts or changes the account's one ballot in a campaign (PRIVACY.md P3, P6). The ballot row
 * and the running tally change in one transaction: a new ballot is inserted with ON CONFLICT DO
 * NOTHING, which makes a concurrent duplicate wait and then find the row; a changed ballot is
 * read FOR UPDATE, so its old contribution is subtracted exactly once.
 */
export async function castBallot(accountId: string, campaignId: string, demandIds: string[]) {
  checkRanking(demandIds);
  const [campaign, account] = await Promise.all([
    db.campaign.findUnique({ where: { id: campaignId }, select: { phase: true, verifiedOnly: true, unionId: true } }),
    db.account.findUniqueOrThrow({ where: { id: accountId }, select: { city: true, platformSlugs: true, sectors: true } }),
  ]);
  if (!campaign) throw new AppError("NOT_FOUND");
  if (campaign.phase !== "VOTING") throw new AppError(campaign.phase === "CLOSED" ? "CAMPAIGN_CLOSED" : "PHASE_CLOSED");
  // Recorded on the ballot for the submission's participation figures (share from verified accounts).
  const verified = await isVerified(accountId, campaign.unionId);
  if (campaign.verifiedOnly && !verified) throw new AppError("NOT_VERIFIED");
  const approved = await db.demand.count({ where: { id: { in: demandIds }, campaignId, status: "APPROVED" } });
  if (approved !== demandIds.length) throw new AppError("BALLOT_UNKNOWN_DEMAND");

  const key = nullifier("ballot", accountId, campaignId);
  const profile = coarseProfile(account);
  await db.$transaction(async (tx) => {
    // Shared lock: closing the campaign waits for ballots in flight, and none slips in after.
    const [open] = await tx.$queryRaw<{ phase: string }[]>`SELECT "phase"::text FROM "Campaign" WHERE "id" = ${campaignId} FOR SHARE`;
    if (open?.phase !== "VOTING") throw new AppError("CAMPAIGN_CLOSED");
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Ballot" ("id", "campaignId", "nullifier", "demandIds", "city", "platform", "sector", "verified")
      VALUES (gen_random_uuid()::text, ${campaignId}, ${key}, ${demandIds}::text[], ${profile.city}, ${profile.platform}, ${profile.sector}, ${verified})
      ON CONFLICT ("nullifier") DO NOTHING RETURNING "id"`;
    let before: { demandIds: string[]; profile: BallotProfile } | null = null;
    if (inserted.length === 0) {
      const [old] = await tx.$queryRaw<{ demandIds: string[]; city: string; platform: string; sector: string }[]>`
        SELECT "demandIds", "city", "platform", "sector" FROM "Ballot" WHERE "nullifier" = ${key} FOR UPDATE`;
      if (!old) throw new AppError("CONFLICT");
      before = { demandIds: old.demandIds, profile: { city: old.city, platform: old.platform, sector: old.sector } };
      await tx.$executeRaw`
        UPDATE "Ballot" SET "demandIds" = ${demandIds}::text[], "city" = ${profile.city}, "platform" = ${profile.platform},
          "sector" = ${profile.sector}, "verified" = ${verified}, "castOn" = CURRENT_DATE
        WHERE "nullifier" = ${key}`;
    }
    await applyTally(tx, campaignId, ballotChange(before, { demandIds, profile }));
  });
  return { demandIds };
}
