import "server-only";
import { getCampaign } from "~/features/campaigns/data";
import { db } from "~/server/db";
import { nullifier } from "~/server/nullifier";
import { publishResults } from "~/features/ballots/results";
import { stepped, steppedTurnout, type CampaignFigures } from "~/features/ballots/turnout";

export async function getMyBallot(accountId: string, campaignId: string) {
  const row = await db.ballot.findUnique({ where: { nullifier: nullifier("ballot", accountId, campaignId) }, select: { demandIds: true, castOn: true } });
  return row;
}

/**
 * The campaign's ballots and how many come from verified voters: the one place these numbers
 * are read (the running tally's groups "all" and "verified", in one statement so both come from
 * the same snapshot; never a scan of ballots), for the turnout, the final tally and the
 * submission's participation figure. Change this function when verification is counted
 * differently.
 */
export async function ballotCounts(campaignId: string): Promise<{ ballots: number; verified: number }> {
  const rows = await db.tallyGroup.findMany({ where: { campaignId, dim: { in: ["all", "verified"] }, value: "" }, select: { dim: true, ballots: true } });
  const of = (dim: string) => rows.find((r) => r.dim === dim)?.ballots ?? 0;
  return { ballots: of("all"), verified: of("verified") };
}

/**
 * The turnout to show: the stored release, moved forward (a read that records what it releases)
 * once the stepped turnout has grown past it. Ballots and verified ballots are released
 * together, so the verified part moves only when at least 5 more ballots were cast since the
 * last release: it cannot tell whether the one worker who just voted was verified. The
 * conditional upsert moves the release only forward, so concurrent readers on any instance
 * agree on one snapshot.
 */
async function releasedTurnout(campaignId: string, ballots: number, verified: number) {
  const select = { ballots: true, verified: true } as const;
  const shown = stepped(ballots);
  let release = await db.turnoutRelease.findUnique({ where: { campaignId }, select });
  if (shown > 0 && (release?.ballots ?? 0) < shown) {
    await db.$executeRaw`
      INSERT INTO "TurnoutRelease" ("campaignId", "ballots", "verified") VALUES (${campaignId}, ${shown}, ${stepped(verified)})
      ON CONFLICT ("campaignId") DO UPDATE SET "ballots" = EXCLUDED."ballots", "verified" = EXCLUDED."verified"
      WHERE "TurnoutRelease"."ballots" < EXCLUDED."ballots"`;
    release = await db.turnoutRelease.findUnique({ where: { campaignId }, select });
  }
  return release ?? { ballots: 0, verified: 0 };
}

/** The exact tally, through k-anonymity. Only for a closed campaign: see getCampaignFigures. */
async function finalTally(campaignId: string, verifiedOnly: boolean) {
  const [demands, cells, groups, counts] = await Promise.all([
    db.demand.findMany({ where: { campaignId, status: "APPROVED" }, select: { id: true, number: true }, orderBy: { number: "asc" } }),
    db.tallyCell.findMany({ where: { campaignId }, select: { dim: true, value: true, demandId: true, points: true, firsts: true, includes: true } }),
    db.tallyGroup.findMany({ where: { campaignId, dim: { not: "verified" } }, select: { dim: true, value: true, ballots: true } }),
    ballotCounts(campaignId),
  ]);
  return publishResults(demands, cells, groups, counts.verified, verifiedOnly);
}

/**
 * Every published figure of a campaign's vote goes through here (pages, tRPC, /api/v1, the
 * submission compile): the stepped turnout before close, the exact final tally after. Reads the
 * running tally only (a few rows per demand and group), never the ballots. The phase only moves
 * forward, so the tally is released once and nothing earlier can be subtracted from it.
 * Reading during voting may write: it records the turnout release (releasedTurnout).
 */
export async function getCampaignFigures(campaignId: string): Promise<CampaignFigures> {
  // The row the campaign page already read in this render (React cache), else one read.
  const campaign = await getCampaign(campaignId);
  if (campaign.phase === "CLOSED") return { final: true, results: await finalTally(campaignId, campaign.verifiedOnly) };
  const { ballots, verified } = await ballotCounts(campaignId);
  const release = await releasedTurnout(campaignId, ballots, verified);
  return { final: false, turnout: steppedTurnout(release.ballots, release.verified, campaign.verifiedOnly) };
}

/** Tests and audits: the raw tally and every ballot, to compare with a recount. */
export async function loadTallyForAudit(campaignId: string) {
  const [cells, groups, ballots] = await Promise.all([
    db.tallyCell.findMany({ where: { campaignId } }),
    db.tallyGroup.findMany({ where: { campaignId } }),
    db.ballot.findMany({ where: { campaignId }, select: { demandIds: true, city: true, platform: true, sector: true } }),
  ]);
  return { cells, groups, ballots };
}
