import "server-only";
import { db } from "~/server/db";
import { nullifier } from "~/server/nullifier";
import { publishResults } from "~/features/ballots/results";

export async function getMyBallot(accountId: string, campaignId: string) {
  const row = await db.ballot.findUnique({ where: { nullifier: nullifier("ballot", accountId, campaignId) }, select: { demandIds: true, castOn: true } });
  return row;
}

/**
 * Published results: reads the running tally only (a few rows per demand and group), never the
 * ballots, and applies k-anonymity before anything leaves this function.
 */
export async function getResults(campaignId: string) {
  const [demands, cells, groups, campaign] = await Promise.all([
    db.demand.findMany({ where: { campaignId, status: "APPROVED" }, select: { id: true, number: true }, orderBy: { number: "asc" } }),
    db.tallyCell.findMany({ where: { campaignId }, select: { dim: true, value: true, demandId: true, points: true, firsts: true, includes: true } }),
    db.tallyGroup.findMany({ where: { campaignId }, select: { dim: true, value: true, ballots: true } }),
    db.campaign.findUnique({ where: { id: campaignId }, select: { verifiedOnly: true } }),
  ]);
  return publishResults(demands, cells, groups, campaign?.verifiedOnly ?? false);
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
