import "server-only";
import { db } from "~/server/db";
import { nullifier } from "~/server/nullifier";
import { readReleases } from "~/features/stats/releases/data";
import { cellOf } from "~/features/stats/releases/rule";

/**
 * Support counts as the campaign's last release (src/features/stats/releases): multiples of 5
 * that move only after 5 or more workers supported or withdrew. Under 5 (0 included) reads
 * "fewer than 5" (null), and lists are ordered by the released count, then by number, so the
 * order says nothing the counts do not. The live `Demand.supportCount` is never shown.
 */
async function published<T extends { id: string; number: number; status: string; supportCount: number }>(campaignId: string, rows: T[]) {
  const cells = (await readReleases("support", [campaignId])).get(campaignId);
  const stepped = (d: T) => cellOf(cells, d.id);
  return [...rows]
    .sort((a, b) => a.status.localeCompare(b.status) || stepped(b) - stepped(a) || a.number - b.number)
    .map((d) => ({ ...d, supportCount: stepped(d) || null }));
}

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

/** What everyone sees: approved demands and proposals awaiting review (the same for all: cached page). */
export async function listDemandsForWorker(campaignId: string) {
  const demands = await db.demand.findMany({
    where: { campaignId, status: { in: ["PENDING", "APPROVED"] } },
    orderBy: { number: "asc" },
    select: demandSelect,
  });
  return published(campaignId, demands);
}

/** The worker's own proposals with their outcome, found through the proposer nullifier. */
export async function listMyProposals(campaignId: string, accountId: string) {
  const rows = await db.demand.findMany({
    where: { campaignId, proposer: nullifier("proposer", accountId, campaignId) },
    orderBy: { number: "asc" },
    select: { ...demandSelect, rejectReason: true, mergedInto: { select: { number: true, title: true } } },
  });
  return published(campaignId, rows).then((r) => r.sort((a, b) => a.number - b.number));
}

/** Organisers: every demand of a campaign of their union, with its history. */
export async function listDemandsForUnion(unionId: string, campaignId: string) {
  const rows = await db.demand.findMany({
    where: { campaignId, campaign: { unionId } },
    orderBy: { number: "asc" },
    select: {
      ...demandSelect,
      rejectReason: true,
      mergedInto: { select: { number: true } },
      revisions: { orderBy: { version: "desc" }, select: { version: true, kind: true, title: true, text: true, category: true, note: true, createdOn: true } },
    },
  });
  return published(campaignId, rows);
}

export function listApprovedDemands(campaignId: string) {
  return db.demand.findMany({
    where: { campaignId, status: "APPROVED" },
    orderBy: { number: "asc" },
    select: { id: true, number: true, title: true, text: true, category: true },
  });
}
