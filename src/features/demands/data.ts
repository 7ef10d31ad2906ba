import "server-only";
import { db } from "~/server/db";
import { nullifier } from "~/server/nullifier";

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
  return demands.map((d) => ({ ...d, supported: mine.has(d.id) }));
}

/** The worker's own proposals with their outcome, found through the proposer nullifier. */
export function listMyProposals(campaignId: string, accountId: string) {
  return db.demand.findMany({
    where: { campaignId, proposer: nullifier("proposer", accountId, campaignId) },
    orderBy: { number: "asc" },
    select: { ...demandSelect, rejectReason: true, mergedInto: { select: { number: true, title: true } } },
  });
}

/** Organisers: every demand of a campaign of their union, with its history. */
export function listDemandsForUnion(unionId: string, campaignId: string) {
  return db.demand.findMany({
    where: { campaignId, campaign: { unionId } },
    orderBy: [{ status: "asc" }, { supportCount: "desc" }, { number: "asc" }],
    select: {
      ...demandSelect,
      rejectReason: true,
      mergedInto: { select: { number: true } },
      revisions: { orderBy: { version: "desc" }, select: { version: true, kind: true, title: true, text: true, category: true, note: true, createdOn: true } },
    },
  });
}

export function listApprovedDemands(campaignId: string) {
  return db.demand.findMany({
    where: { campaignId, status: "APPROVED" },
    orderBy: { number: "asc" },
    select: { id: true, number: true, title: true, text: true, category: true },
  });
}
