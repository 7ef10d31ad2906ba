import "server-only";
import { db } from "~/server/db";
import type { Prisma } from "~/server/db/generated/client";
import { AppError } from "~/lib/app-error";
import { getCampaignFigures } from "~/features/ballots/data";
import type { Turnout } from "~/features/ballots/turnout";
import { day } from "~/features/campaigns/format";
import { listApprovedDemands } from "~/features/demands/data";
import { PUBLISHED } from "~/features/records/data";
import { getPublishedTokenCounts } from "~/features/tokens/data";
import { decodeCursor, pageOf } from "~/features/opendata/cursor";
import type { ListQuery } from "~/features/opendata/schema";

// Campaigns as the public pages show them: approved demands only (proposals awaiting review
// and rejected ones stay inside); during voting the turnout in steps of 5, after the close the
// final tally, already through k-anonymity (getCampaignFigures).

const campaignSelect = {
  id: true,
  title: true,
  phase: true,
  proposingFrom: true,
  votingFrom: true,
  closesOn: true,
  scopePlatformSlugs: true,
  scopeSectors: true,
  scopeCities: true,
  targetPlatformSlugs: true,
  targetsUnion: true,
  targetGovernment: true,
  verifiedOnly: true,
  union: { select: { slug: true, nameZh: true, nameEn: true } },
} satisfies Prisma.CampaignSelect;
type Row = Prisma.CampaignGetPayload<{ select: typeof campaignSelect }>;

/** Which of these campaigns have a published submission (drafts are nobody's business). */
async function publishedSubmissions(campaignIds: string[]) {
  const rows = await db.submission.findMany({ where: { campaignId: { in: campaignIds }, ...PUBLISHED }, select: { id: true, campaignId: true } });
  return new Map(rows.map((r) => [r.campaignId, r.id]));
}

function toSummary(c: Row, submissions: Map<string, string>) {
  return {
    id: c.id,
    title: c.title,
    union: c.union,
    phase: c.phase,
    phases: { proposingFrom: day(c.proposingFrom), votingFrom: day(c.votingFrom), closesOn: day(c.closesOn) },
    scope: { platforms: c.scopePlatformSlugs, sectors: c.scopeSectors, cities: c.scopeCities },
    addressees: { platforms: c.targetPlatformSlugs, union: c.targetsUnion, government: c.targetGovernment || null },
    verifiedOnly: c.verifiedOnly,
    submissionId: submissions.get(c.id) ?? null,
    links: { self: `/api/v1/campaigns/${c.id}`, page: `/campaigns/${c.id}` },
  };
}

/** The stepped turnout as numbers: "at least", in steps of 5; null for fewer than 5. */
function openTurnout(t: Turnout) {
  const c = t.credibility;
  const verifiedAtLeast = c.kind === "share" ? c.verified : c.kind === "allVerified" || c.kind === "fewUnverified" ? t.ballots : null;
  return { ballotsAtLeast: t.ballots, verifiedAtLeast, step: t.step };
}

/** Latest closing first. */
export async function listPublicCampaigns(query: ListQuery) {
  const cursor = decodeCursor(query.cursor);
  const rows = await db.campaign.findMany({
    where: cursor ? { OR: [{ closesOn: { lt: cursor.day } }, { closesOn: cursor.day, id: { gt: cursor.id } }] } : {},
    orderBy: [{ closesOn: "desc" }, { id: "asc" }],
    take: query.limit + 1,
    select: campaignSelect,
  });
  const { rows: shown, nextCursor } = pageOf(rows, query.limit, (r) => ({ day: r.closesOn, id: r.id }));
  const submissions = await publishedSubmissions(shown.map((c) => c.id));
  return { data: shown.map((c) => toSummary(c, submissions)), nextCursor };
}

export async function getPublicCampaign(campaignId: string) {
  const c = await db.campaign.findUnique({ where: { id: campaignId }, select: { ...campaignSelect, description: true } });
  if (!c) throw new AppError("NOT_FOUND");
  const [demands, figures, submissions, tokens] = await Promise.all([
    listApprovedDemands(c.id),
    getCampaignFigures(c.id),
    publishedSubmissions([c.id]),
    c.verifiedOnly ? getPublishedTokenCounts(c.id) : null,
  ]);
  const turnout = figures.final || c.phase === "PROPOSING" ? null : openTurnout(figures.turnout);
  return { ...toSummary(c, submissions), description: c.description, demands, turnout, results: figures.final ? figures.results : null, tokens };
}
