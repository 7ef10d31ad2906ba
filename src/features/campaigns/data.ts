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

/** Every campaign, the ones matching the worker's profile first, then open before closed. */
export async function listCampaignsForWorker(accountId: string | null) {
  const [rows, profile] = await Promise.all([
    db.campaign.findMany({ orderBy: [{ closesOn: "desc" }], select: listSelect, take: 200 }),
    accountId ? getWorkerProfile(accountId) : null,
  ]);
  const phaseRank = { VOTING: 0, PROPOSING: 1, CLOSED: 2 } as const;
  return rows
    .map((c) => ({ ...c, matches: profile ? matchesProfile(c, profile) : false }))
    .sort((a, b) => Number(b.matches) - Number(a.matches) || phaseRank[a.phase] - phaseRank[b.phase]);
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
