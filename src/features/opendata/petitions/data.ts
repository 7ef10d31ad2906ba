import "server-only";
import { db } from "~/server/db";
import type { Prisma } from "~/server/db/generated/client";
import { AppError } from "~/lib/app-error";
import { day } from "~/features/campaigns/format";
import { publicTotal } from "~/features/petitions/breakdown";
import { phaseOf } from "~/features/petitions/policy";
import { getPetitionCounts } from "~/features/petitions/signatures/data";
import { decodeCursor, pageOf } from "~/features/opendata/cursor";
import type { ListQuery } from "~/features/opendata/schema";

// Published petitions with their counts as the petition page shows them: the total only from
// 5 signers up, breakdowns through the petitions feature's own suppression. Petitions still
// gathering sponsors, waiting for moderation or rejected are not part of the open data, and
// neither are the starter's key, sponsors or who moderated.

const named = { select: { slug: true, nameZh: true, nameEn: true } } as const;
const petitionSelect = {
  id: true,
  shortCode: true,
  title: true,
  ask: true,
  status: true,
  targetKind: true,
  targetName: true,
  campaignId: true,
  publishedOn: true,
  closesOn: true,
  threshold: true,
  thresholdReachedOn: true,
  responseText: true,
  respondedOn: true,
  deliveredTo: true,
  deliveredOn: true,
  platform: named,
  union: named,
} satisfies Prisma.PetitionSelect;
type Row = Prisma.PetitionGetPayload<{ select: typeof petitionSelect }>;

function toSummary(p: Row, exactSignatures: number) {
  return {
    id: p.id,
    shortCode: p.shortCode,
    title: p.title,
    ask: p.ask,
    target: { kind: p.targetKind, platform: p.platform, union: p.union, name: p.targetName },
    campaignId: p.campaignId,
    phase: phaseOf(p) as "OPEN" | "CLOSED",
    publishedOn: day(p.publishedOn!),
    closesOn: day(p.closesOn!),
    threshold: p.threshold,
    thresholdReachedOn: p.thresholdReachedOn ? day(p.thresholdReachedOn) : null,
    signatures: publicTotal(exactSignatures),
    response: p.responseText && p.respondedOn ? { text: p.responseText, respondedOn: day(p.respondedOn) } : null,
    delivered: p.deliveredTo && p.deliveredOn ? { to: p.deliveredTo, on: day(p.deliveredOn) } : null,
    links: { self: `/api/v1/petitions/${p.id}`, page: `/petitions/${p.id}` },
  };
}

const PUBLIC = { status: "PUBLISHED", publishedOn: { not: null }, closesOn: { not: null } } satisfies Prisma.PetitionWhereInput;

/** Newest first; totals from the counter rows, one grouped query per page. */
export async function listPublishedPetitions(query: ListQuery) {
  const cursor = decodeCursor(query.cursor);
  const rows = await db.petition.findMany({
    where: { ...PUBLIC, ...(cursor ? { OR: [{ publishedOn: { lt: cursor.day } }, { publishedOn: cursor.day, id: { gt: cursor.id } }] } : {}) },
    orderBy: [{ publishedOn: "desc" }, { id: "asc" }],
    take: query.limit + 1,
    select: petitionSelect,
  });
  const { rows: shown, nextCursor } = pageOf(rows, query.limit, (r) => ({ day: r.publishedOn!, id: r.id }));
  const sums = shown.length
    ? await db.petitionTally.groupBy({ by: ["petitionId"], where: { petitionId: { in: shown.map((p) => p.id) }, dimension: "total" }, _sum: { count: true } })
    : [];
  const totals = new Map(sums.map((s) => [s.petitionId, s._sum.count ?? 0]));
  return { data: shown.map((p) => toSummary(p, totals.get(p.id) ?? 0)), nextCursor };
}

export async function getPublishedPetition(petitionId: string) {
  const p = await db.petition.findFirst({
    where: { id: petitionId, ...PUBLIC },
    select: { ...petitionSelect, reason: true, milestones: { select: { signatures: true, reachedOn: true }, orderBy: { signatures: "asc" } } },
  });
  if (!p) throw new AppError("NOT_FOUND");
  const counts = await getPetitionCounts(p.id);
  return {
    ...toSummary(p, counts.exact),
    reason: p.reason,
    milestones: p.milestones.map((m) => ({ signatures: m.signatures, reachedOn: day(m.reachedOn) })),
    breakdowns: { city: counts.city, platform: counts.platform, sector: counts.sector },
  };
}
