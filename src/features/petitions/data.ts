import "server-only";
import { db, hotSql } from "~/server/db";
import type { Prisma } from "~/server/db/generated/client";
import { AppError } from "~/lib/app-error";
import { canSeeUnpublished, isPublic, ownerKeyOf, phaseOf, sponsorToken } from "~/features/petitions/policy";
import { moderationScopeOf } from "~/features/moderation/data";
import { petitionsModeratedBy, type ModerationScope } from "~/features/moderation/policy";
import { getPetitionCounts } from "~/features/petitions/signatures/data";
import { publicTotal } from "~/features/petitions/breakdown";
import { credibility } from "~/features/verification/credibility";
import { chinaToday } from "~/lib/days";
import { readReleases } from "~/features/stats/releases/data";
import { cellOf } from "~/features/stats/releases/rule";

const summarySelect = {
  id: true,
  shortCode: true,
  title: true,
  status: true,
  targetKind: true,
  targetName: true,
  closesOn: true,
  threshold: true,
  thresholdReachedOn: true,
  respondedOn: true,
  verifiedOnly: true,
  platform: { select: { slug: true, nameZh: true, nameEn: true } },
  union: { select: { nameZh: true, nameEn: true } },
} satisfies Prisma.PetitionSelect;

type Viewer = { accountId: string; role: string; unionId?: string | null } | null;

type PetitionRow = {
  id: string;
  shortCode: string;
  title: string;
  status: Prisma.PetitionGetPayload<{ select: { status: true } }>["status"];
  targetKind: Prisma.PetitionGetPayload<{ select: { targetKind: true } }>["targetKind"];
  targetName: string | null;
  threshold: number;
  ownerKey: string;
  ask: string;
  reason: string;
  sponsorCount: number;
  durationDays: number;
  rejectionReason: string | null;
  responseText: string | null;
  deliveredTo: string | null;
  verifiedOnly: boolean;
  platform: { slug: string; nameZh: string; nameEn: string } | null;
  union: { nameZh: string; nameEn: string } | null;
  /** Days as "YYYY-MM-DD" text (the two drivers decode dates differently), turned into Dates below. */
  days: Record<"closesOn" | "thresholdReachedOn" | "respondedOn" | "createdOn" | "publishedOn" | "deliveredOn", string | null>;
  milestones: { signatures: number; reachedOn: string }[];
};

const day = (text: string | null) => (text ? new Date(`${text}T00:00:00Z`) : null);

/**
 * Everything the petition page shows; unpublished petitions only to their starter and organisers.
 * The busiest read of a petition drive (every share in a chat group lands here), so it is one
 * prepared statement: Prisma's findUnique with its three relations ran four queries and cost
 * ~4 ms of CPU per view, a fifth of the page's budget.
 */
export async function getPetition(petitionId: string, viewer: Viewer) {
  const [row] = await hotSql<PetitionRow>`
    SELECT p."id", p."shortCode", p."title", p."status"::text AS "status", p."targetKind"::text AS "targetKind", p."targetName",
      p."threshold", p."ownerKey", p."ask", p."reason", p."sponsorCount", p."durationDays", p."rejectionReason", p."responseText", p."deliveredTo", p."verifiedOnly",
      CASE WHEN pl."id" IS NULL THEN NULL ELSE json_build_object('slug', pl."slug", 'nameZh', pl."nameZh", 'nameEn', pl."nameEn") END AS "platform",
      CASE WHEN u."id" IS NULL THEN NULL ELSE json_build_object('nameZh', u."nameZh", 'nameEn', u."nameEn") END AS "union",
      json_build_object('closesOn', p."closesOn"::text, 'thresholdReachedOn', p."thresholdReachedOn"::text, 'respondedOn', p."respondedOn"::text,
        'createdOn', p."createdOn"::text, 'publishedOn', p."publishedOn"::text, 'deliveredOn', p."deliveredOn"::text) AS "days",
      coalesce((SELECT json_agg(json_build_object('signatures', m."signatures", 'reachedOn', m."reachedOn"::text) ORDER BY m."signatures")
        FROM "PetitionMilestone" m WHERE m."petitionId" = p."id"), '[]'::json) AS "milestones"
    FROM "Petition" p LEFT JOIN "Platform" pl ON pl."id" = p."platformId" LEFT JOIN "Union" u ON u."id" = p."unionId"
    WHERE p."id" = ${petitionId}`;
  if (!row) throw new AppError("NOT_FOUND");
  const { ownerKey, days, milestones, ...fields } = row;
  const p = {
    ...fields,
    closesOn: day(days.closesOn),
    thresholdReachedOn: day(days.thresholdReachedOn),
    respondedOn: day(days.respondedOn),
    createdOn: day(days.createdOn)!,
    publishedOn: day(days.publishedOn),
    deliveredOn: day(days.deliveredOn),
    milestones: milestones.map((m) => ({ signatures: m.signatures, reachedOn: day(m.reachedOn)! })),
  };
  // Only on the rare path (an organiser opening an unpublished petition) is the rule consulted.
  const moderatesIt = !isPublic(p) && viewer?.role === "ORGANISER" && viewer.unionId ? await isModeratedBy(p.id, viewer.unionId) : false;
  if (!canSeeUnpublished({ ...p, ownerKey }, viewer, moderatesIt)) throw new AppError("NOT_FOUND");
  const isOwner = viewer?.role === "WORKER" && ownerKey === ownerKeyOf(viewer.accountId, p.id);
  const counts = p.status === "PUBLISHED" ? await getPetitionCounts(p.id) : null;
  return {
    ...p,
    phase: phaseOf(p),
    isOwner,
    sponsorToken: isOwner && p.status === "GATHERING_SPONSORS" ? sponsorToken(p.id) : null,
    counts: counts
      ? { shown: counts.shown, credibility: counts.credibility, city: counts.city, platform: counts.platform, sector: counts.sector, atLeastQuoteK: counts.exact >= 10 }
      : null,
  };
}
export type PetitionView = Awaited<ReturnType<typeof getPetition>>;

/** What a sponsor sees through the private link (a wrong token is a plain "not found"). */
export async function getForSponsor(petitionId: string, token: string) {
  if (token !== sponsorToken(petitionId)) throw new AppError("NOT_FOUND");
  const p = await db.petition.findUnique({
    where: { id: petitionId },
    select: { ...summarySelect, ask: true, reason: true, sponsorCount: true },
  });
  if (!p) throw new AppError("NOT_FOUND");
  return p;
}

export async function idForShortCode(shortCode: string) {
  const p = await db.petition.findUnique({ where: { shortCode }, select: { id: true, status: true } });
  return p && (p.status === "PUBLISHED" || p.status === "REJECTED") ? p.id : null;
}

/** Public lists with counts from the counter rows (one grouped query for the page). */
export async function listPetitions(filter: "open" | "awaiting" | "answered" | "closed" | "rejected", platformSlug?: string) {
  const today = chinaToday();
  const where: Prisma.PetitionWhereInput = {
    status: filter === "rejected" ? "REJECTED" : "PUBLISHED",
    ...(platformSlug ? { platform: { slug: platformSlug } } : {}),
    ...(filter === "open" ? { closesOn: { gte: today } } : {}),
    ...(filter === "closed" ? { closesOn: { lt: today } } : {}),
    ...(filter === "awaiting" ? { thresholdReachedOn: { not: null }, respondedOn: null, targetKind: "PLATFORM" } : {}),
    ...(filter === "answered" ? { respondedOn: { not: null } } : {}),
  };
  const rows = await db.petition.findMany({ where, orderBy: [{ publishedOn: "desc" }, { createdOn: "desc" }, { id: "asc" }], take: 50, select: summarySelect });
  return withCounts(rows);
}

async function withCounts<T extends { id: string; verifiedOnly: boolean }>(rows: T[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [sums, releases] = await Promise.all([
    db.petitionTally.groupBy({ by: ["petitionId"], where: { petitionId: { in: ids }, dimension: "total" }, _sum: { count: true } }),
    readReleases("petition", ids),
  ]);
  return rows.map((r) => {
    // The total is live and exact; its verified part is the stepped one of the last release.
    const n = sums.find((s) => s.petitionId === r.id)?._sum.count ?? 0;
    const verified = r.verifiedOnly ? n : cellOf(releases.get(r.id), "verified");
    return { ...r, signatures: publicTotal(n), credibility: credibility(n, verified, r.verifiedOnly) };
  });
}

/**
 * The starter's own petitions. Owner keys are per petition (nothing links one worker's
 * petitions), so they are found by recomputing the key for every petition: one read of ids and
 * keys and one HMAC each (microseconds), fine for the few thousand petitions a portal has; past
 * that, a list kept on the phone would be the next step.
 */
export async function listMyPetitions(accountId: string) {
  const all = await db.petition.findMany({ select: { id: true, ownerKey: true } });
  const mine = all.filter((p) => p.ownerKey === ownerKeyOf(accountId, p.id)).map((p) => p.id);
  if (mine.length === 0) return [];
  const rows = await db.petition.findMany({
    where: { id: { in: mine } },
    orderBy: { createdOn: "desc" },
    select: { ...summarySelect, sponsorCount: true },
  });
  return withCounts(rows);
}

async function isModeratedBy(petitionId: string, unionId: string) {
  const scope = await moderationScopeOf(unionId);
  return (await db.petition.count({ where: { id: petitionId, ...petitionsModeratedBy(scope) } })) === 1;
}

/** Petitions waiting for this union's decision (P7: its own union's work only). */
export async function listForModeration(scope: ModerationScope) {
  return db.petition.findMany({
    where: { status: "PENDING_MODERATION", ...petitionsModeratedBy(scope) },
    orderBy: { createdOn: "asc" },
    select: { ...summarySelect, ask: true, reason: true, sponsorCount: true, durationDays: true, verifiedOnly: true },
  });
}

export async function listPublishedForOrganiser(scope: ModerationScope) {
  const rows = await db.petition.findMany({
    where: { status: "PUBLISHED", ...petitionsModeratedBy(scope) },
    orderBy: { publishedOn: "desc" },
    take: 50,
    select: { ...summarySelect, deliveredTo: true, deliveredOn: true },
  });
  return withCounts(rows);
}

/** A platform representative's inbox: published petitions addressed to their platform only (P7). */
export async function listForPlatform(platformId: string) {
  const rows = await db.petition.findMany({
    where: { platformId, status: "PUBLISHED", targetKind: "PLATFORM" },
    orderBy: [{ thresholdReachedOn: { sort: "asc", nulls: "last" } }, { publishedOn: "desc" }],
    select: { ...summarySelect, ask: true, reason: true, responseText: true },
  });
  return withCounts(rows);
}

export async function listTargets() {
  const [platforms, unions] = await Promise.all([
    db.platform.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, nameZh: true, nameEn: true } }),
    db.union.findMany({ orderBy: { slug: "asc" }, select: { id: true, nameZh: true, nameEn: true } }),
  ]);
  return { platforms, unions };
}

export async function getPlatformBySlug(slug: string) {
  return db.platform.findUnique({ where: { slug }, select: { id: true, slug: true, nameZh: true, nameEn: true } });
}
