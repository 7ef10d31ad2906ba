import "server-only";
import { db } from "~/server/db";
import { nullifier } from "~/server/nullifier";
import { K } from "~/features/ballots/suppression";

/** Support counts of 1-4 are a statistic about fewer than K workers (P4): published as null. */
const publish = <T extends { supportCount: number }>(d: T) => ({ ...d, supportCount: d.supportCount > 0 && d.supportCount < K ? null : d.supportCount });

const demandSelect = {
  id: true,
  number: true,
  title: true,
  text: true,
  category: true,
  status: true,
  supportCount: true,
  byOrganiser: true,
  mergedIntoId: true,
} as const;

/** What workers see: approved demands and proposals awaiting review; which ones they support. */
export async function listDemandsForWorker(campaignId: string, accountId: string | null) {
  const demands = await db.demand.findMany({
    where: { campaignId, status: { in: ["PENDING", "APPROVED"] } },
    orderBy: [{ status: "asc" }, { supportCount: "desc" }, { number: "asc" }],
    select: demandSelect,
  });
  const supported = accountId
    ? await db.demandSupport.findMany({
        where: { supporter: nullifier("support", accountId, campaignId), demandId: { in: demands.map((d) => d.id) } },
        select: { demandId: true },
      })
    : [];
  const mine = new Set(supported.map((s) => s.demandId));
  return demands.map((d) => ({ ...publish(d), supported: mine.has(d.id) }));
}

/** The worker's own proposals with their outcome, found through the proposer nullifier. */
export async function listMyProposals(campaignId: string, accountId: string) {
  const rows = await db.demand.findMany({
    where: { campaignId, proposer: nullifier("proposer", accountId, campaignId) },
    orderBy: { number: "asc" },
    select: { ...demandSelect, rejectReason: true, mergedInto: { select: { number: true, title: true } } },
  });
  return rows.map(publish);
}

/** Organisers: every demand of a campaign of their union, with its history. */
export async function listDemandsForUnion(unionId: string, campaignId: string) {
  const rows = await db.demand.findMany({
    where: { campaignId, campaign: { unionId } },
    orderBy: [{ status: "asc" }, { supportCount: "desc" }, { number: "asc" }],
    select: {
      ...demandSelect,
      rejectReason: true,
      mergedInto: { select: { number: true } },
      revisions: { orderBy: { version: "desc" }, select: { version: true, kind: true, title: true, text: true, category: true, note: true, createdOn: true } },
    },
  });
  return rows.map(publish);
}

export function listApprovedDemands(campaignId: string) {
  return db.demand.findMany({
    where: { campaignId, status: "APPROVED" },
    orderBy: { number: "asc" },
    select: { id: true, number: true, title: true, text: true, category: true },
  });
}
