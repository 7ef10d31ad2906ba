import "server-only";
import { cache } from "react";
import { db } from "~/server/db";
import { AppError } from "~/lib/app-error";
import { matchesProfile } from "~/features/campaigns/policy";
import { getWorkerProfile } from "~/features/accounts/data";

const listSelect = {
  id: true,
  title: true,
  phase: true,
  proposingFrom: true,
  votingFrom: true,
  closesOn: true,
  verifiedOnly: true,
  scopePlatformSlugs: true,
  scopeSectors: true,
  scopeCities: true,
  union: { select: { nameZh: true, nameEn: true } },
} as const;

/**
 * Every campaign, open before closed: the same list for everyone (the page is cached, issue 15).
 * Which ones match a worker's profile comes with the page's personal request (matchingCampaignIds).
 */
export async function listCampaigns() {
  const rows = await db.campaign.findMany({ orderBy: [{ closesOn: "desc" }], select: listSelect, take: LIST_SIZE });
  const phaseRank = { VOTING: 0, PROPOSING: 1, CLOSED: 2 } as const;
  return rows.sort((a, b) => phaseRank[a.phase] - phaseRank[b.phase]);
}

const LIST_SIZE = 200;

/** The listed campaigns whose scope matches the worker's profile (none without a profile). */
export async function matchingCampaignIds(accountId: string): Promise<string[]> {
  const [rows, profile] = await Promise.all([
    db.campaign.findMany({ orderBy: [{ closesOn: "desc" }], select: { id: true, scopePlatformSlugs: true, scopeSectors: true, scopeCities: true }, take: LIST_SIZE }),
    getWorkerProfile(accountId),
  ]);
  return profile ? rows.filter((c) => matchesProfile(c, profile)).map((c) => c.id) : [];
}

export function listCampaignsForUnion(unionId: string) {
  return db.campaign.findMany({ where: { unionId }, orderBy: { createdAt: "desc" }, select: { ...listSelect, _count: { select: { demands: true } } } });
}

const detailSelect = {
  ...listSelect,
  unionId: true,
  description: true,
  targetPlatformSlugs: true,
  targetsUnion: true,
  targetGovernment: true,
} as const;

/**
 * Once per request inside a render (React cache: the campaign page, its metadata and its figures
 * read one row); outside a render, each call reads.
 */
export const getCampaign = cache(async (campaignId: string) => {
  const row = await db.campaign.findUnique({ where: { id: campaignId }, select: detailSelect });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
});

/** For organisers: the campaign only when it belongs to their union (P7). */
export async function getUnionCampaign(unionId: string, campaignId: string) {
  const row = await db.campaign.findFirst({ where: { id: campaignId, unionId }, select: detailSelect });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export type CampaignDetail = Awaited<ReturnType<typeof getCampaign>>;
