import "server-only";
import { db } from "~/server/db";
import { AppError } from "~/lib/app-error";
import { publicTotal } from "~/features/petitions/breakdown";
import { verifiedShare } from "~/features/verification/credibility";
import { quotesFromCells } from "~/features/stats/lattice/data";
import { quarterStart } from "~/features/stats/lattice/quarters";
import { monthKey } from "~/features/reports/months";
import { submissionStatus } from "~/features/submissions/policy";

// Reads for submissions. Public functions return only published versions: drafts (cover
// letter, changelog, response days before publication) leave only through the organiser's
// union-scoped functions.

const named = { slug: true, nameZh: true, nameEn: true } as const;

/** Everything the compiler reads about a campaign besides the tally and the statistics. */
export async function loadCompileInputs(campaignId: string) {
  const campaign = await db.campaign.findUnique({
    where: { id: campaignId },
    select: {
      id: true,
      unionId: true,
      title: true,
      description: true,
      phase: true,
      scopePlatformSlugs: true,
      scopeSectors: true,
      scopeCities: true,
      targetPlatformSlugs: true,
      targetsUnion: true,
      targetGovernment: true,
      proposingFrom: true,
      votingFrom: true,
      closesOn: true,
      verifiedOnly: true,
      union: { select: named },
    },
  });
  if (!campaign) throw new AppError("NOT_FOUND");
  // Every platform, once per compile (a short table): names for the addressees, ids for the
  // statistics and quotes of the scope.
  const [platforms, demands, proposed, petitions] = await Promise.all([
    db.platform.findMany({ select: { id: true, ...named } }),
    db.demand.findMany({
      where: { campaignId, status: "APPROVED" },
      orderBy: { number: "asc" },
      select: { id: true, number: true, title: true, text: true, category: true },
    }),
    db.demand.count({ where: { campaignId } }),
    campaignPetitions(campaignId),
  ]);
  return { campaign, platforms, demands, proposed, petitions };
}

/** Published petitions of the campaign with their signature counts from the counters (never below 5). */
async function campaignPetitions(campaignId: string) {
  const rows = await db.petition.findMany({
    where: { campaignId, status: "PUBLISHED" },
    orderBy: [{ publishedOn: "asc" }, { id: "asc" }],
    select: { id: true, shortCode: true, title: true, ask: true, threshold: true, thresholdReachedOn: true, closesOn: true, verifiedOnly: true },
  });
  if (rows.length === 0) return [];
  const sums = await db.petitionTally.groupBy({
    by: ["petitionId", "dimension"],
    where: { petitionId: { in: rows.map((r) => r.id) }, dimension: { in: ["total", "verified"] } },
    _sum: { count: true },
  });
  const sum = (id: string, dimension: string) => sums.find((s) => s.petitionId === id && s.dimension === dimension)?._sum.count ?? 0;
  return rows.map((r) => ({ ...r, signatures: publicTotal(sum(r.id, "total")), verifiedShare: verifiedShare(sum(r.id, "total"), sum(r.id, "verified")) }));
}

/**
 * Approved narrative quotes in the campaign's scope (PRIVACY.md P4, P5): only from sealed
 * lattice cells of at least K_QUOTES reports (quotesFromCells), so any two scopes' quotes
 * differ by whole cells of ten or more; random order, dated to the first month of the quarter.
 */
/** `platformIds`: the scope's platforms when the caller has read them already; else looked up by slug. */
export type QuoteScope = { platformSlugs: string[]; platformIds?: string[]; sectors: string[]; cities: string[]; quarters: string[] };

export async function getScopedQuotes(scope: QuoteScope, today: Date, limit = 10) {
  const platformIds = !scope.platformSlugs.length
    ? undefined
    : (scope.platformIds ?? (await db.platform.findMany({ where: { slug: { in: scope.platformSlugs } }, select: { id: true } })).map((p) => p.id));
  if (platformIds && platformIds.length === 0) return [];
  const rows = await quotesFromCells({ quarters: scope.quarters, platformIds, cities: scope.cities, sectors: scope.sectors }, today, limit);
  return rows.map((r) => ({ text: r.text, month: monthKey(quarterStart(r.quarter)) }));
}

/** Platforms addressed by slug, for the parties of a publication. */
export function platformIdsBySlug(slugs: string[]) {
  return db.platform.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
}

// ---- Organiser (union-scoped) ----

/** The campaign's phase, only when it belongs to the organiser's union (P7). */
export async function getUnionCampaignPhase(unionId: string, campaignId: string) {
  const row = await db.campaign.findFirst({ where: { id: campaignId, unionId }, select: { phase: true } });
  if (!row) throw new AppError("NOT_FOUND");
  return row.phase;
}

/** The union's campaigns with the state of their submission, newest first. */
export function listUnionCampaignSubmissions(unionId: string) {
  return db.campaign.findMany({
    where: { unionId },
    orderBy: [{ closesOn: "desc" }, { id: "asc" }],
    select: { id: true, title: true, phase: true, closesOn: true, submission: { select: { id: true, currentVersion: true } } },
  });
}

/** The organiser's view of one submission: the campaign (only if it is theirs), draft and versions. */
export async function getSubmissionDesk(unionId: string, campaignId: string) {
  const campaign = await db.campaign.findFirst({ where: { id: campaignId, unionId }, select: { id: true, title: true, phase: true, closesOn: true } });
  if (!campaign) throw new AppError("NOT_FOUND");
  const submission = await db.submission.findUnique({
    where: { campaignId },
    select: {
      id: true,
      draftCoverLetter: true,
      draftScorecard: true,
      draftChangelog: true,
      responseDays: true,
      firstPublishedOn: true,
      respondBy: true,
      currentVersion: true,
      versions: { orderBy: { version: "desc" }, select: { version: true, publishedOn: true, changelog: true, digest: true } },
    },
  });
  return { campaign, submission };
}

/** Draft fields and chain head the compiler needs for a preview or a publication. */
export async function getDraftState(campaignId: string) {
  const s = await db.submission.findUnique({
    where: { campaignId },
    select: { id: true, draftCoverLetter: true, draftChangelog: true, draftScorecard: true, responseDays: true, respondBy: true, currentVersion: true },
  });
  if (!s || s.currentVersion === 0) return { submission: s, previousDigest: null };
  const head = await db.submissionVersion.findUnique({ where: { submissionId_version: { submissionId: s.id, version: s.currentVersion } }, select: { digest: true } });
  return { submission: s, previousDigest: head?.digest ?? null };
}

// ---- Public: published versions only ----

/** Published submissions, newest first, with the one-word status of their answers. */
export async function listPublishedSubmissions(today: Date) {
  const rows = await db.submission.findMany({
    where: { currentVersion: { gt: 0 } },
    orderBy: [{ firstPublishedOn: "desc" }, { id: "asc" }],
    take: 100,
    select: {
      id: true,
      currentVersion: true,
      firstPublishedOn: true,
      respondBy: true,
      campaign: { select: { title: true } },
      union: { select: { nameZh: true, nameEn: true } },
      parties: { select: { completedOn: true } },
    },
  });
  return rows.map(({ parties, ...r }) => ({ ...r, status: submissionStatus(parties, r.respondBy, today) }));
}

/** One published version (the latest when none is asked for) and the list of all versions. */
export async function getPublishedVersion(submissionId: string, version?: number) {
  const s = await db.submission.findUnique({
    where: { id: submissionId },
    select: {
      id: true,
      campaignId: true,
      currentVersion: true,
      respondBy: true,
      versions: { orderBy: { version: "desc" }, select: { version: true, publishedOn: true, changelog: true, digest: true } },
    },
  });
  const wanted = version ?? s?.currentVersion ?? 0;
  if (!s || s.currentVersion === 0 || wanted < 1 || wanted > s.currentVersion) throw new AppError("NOT_FOUND");
  const row = await getVersionExport(submissionId, wanted);
  return { submission: s, version: wanted, ...row };
}

/** The stored canonical text and digest of a published version, exactly as hashed. */
export async function getVersionExport(submissionId: string, version: number) {
  const row = await db.submissionVersion.findUnique({
    where: { submissionId_version: { submissionId, version } },
    select: { document: true, digest: true, publishedOn: true },
  });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}
