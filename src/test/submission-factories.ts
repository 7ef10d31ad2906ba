import { db } from "~/server/db";
import { canonicalJson, digestOf } from "~/features/submissions/canonical";
import { DOCUMENT_SCHEMA, type SubmissionDocument } from "~/features/submissions/document";
import { addDays, isoDay, chinaToday } from "~/lib/days";
import type { CampaignInput } from "~/features/campaigns/schema";
import { makeCampaign } from "./campaign-factories";
import { makePlatform, makeStaff } from "./factories";

// Published submissions for the answers tests, written straight into the tables the compile
// feature fills when an organiser publishes (Submission with its clock, version 1 with a
// canonical document and digest, items, parties). Answers go through saveAnswer in tests,
// except where a past date is needed (makeAnswer).

type Named = { slug: string; nameZh: string; nameEn: string };

function minimalDocument(o: {
  submissionId: string;
  publishedOn: Date;
  respondBy: Date;
  campaign: { id: string; title: string; description: string; proposingFrom: Date; votingFrom: Date; closesOn: Date; verifiedOnly: boolean };
  scope: { platforms: string[]; sectors: string[]; cities: string[] };
  union: Named;
  platforms: Named[];
  targetsUnion: boolean;
  demands: { id: string; number: number; title: string; text: string; category: string }[];
}): SubmissionDocument {
  const both = { zh: "测试", en: "test" };
  return {
    schema: DOCUMENT_SCHEMA,
    submission: { id: o.submissionId, version: 1, publishedOn: isoDay(o.publishedOn), changelog: null, previousDigest: null, respondBy: isoDay(o.respondBy) },
    campaign: {
      id: o.campaign.id,
      title: o.campaign.title,
      description: o.campaign.description,
      union: o.union,
      scope: o.scope,
      addressees: { platforms: o.platforms, union: o.targetsUnion, government: null },
      phases: { proposingFrom: isoDay(o.campaign.proposingFrom), votingFrom: isoDay(o.campaign.votingFrom), closesOn: isoDay(o.campaign.closesOn) },
      verifiedOnly: o.campaign.verifiedOnly,
    },
    coverLetter: "Dear addressees, please answer each demand.",
    method: { eligibility: both, counting: both, tieBreak: both, k: 5, kQuotes: 10 },
    participation: { ballots: null, verifiedShare: null, demandsProposed: o.demands.length, demandsApproved: o.demands.length },
    demands: o.demands.map((d, i) => ({ rank: i + 1, demandId: d.id, number: d.number, title: d.title, text: d.text, category: d.category, points: null, firsts: null, includes: null, share: null })),
    breakdowns: [],
    petitions: [],
    conditions: null,
    quotes: [],
  };
}

/**
 * A closed campaign with `demands` demands, published as a submission addressed to `platforms`
 * new platforms (each with a representative) and, with `union`, to the campaign's union.
 * `publishedOn` defaults to today; `campaignId` reuses an existing closed campaign instead.
 */
export async function makePublishedSubmission(
  opts: { demands?: number; platforms?: number; union?: boolean; publishedOn?: Date; responseDays?: number; input?: Partial<CampaignInput>; platformIds?: string[] } = {},
) {
  const newPlatforms = await Promise.all(Array.from({ length: opts.platforms ?? 1 }, () => makePlatform()));
  const existing = opts.platformIds ? await db.platform.findMany({ where: { id: { in: opts.platformIds } } }) : [];
  const platforms = [...newPlatforms, ...existing];
  const campaign = await makeCampaign({
    demands: opts.demands ?? 3,
    phase: "CLOSED",
    input: { targetPlatformSlugs: platforms.map((p) => p.slug), targetsUnion: opts.union ?? true, ...opts.input },
  });
  const reps = await Promise.all(newPlatforms.map((p) => makeStaff("PLATFORM_REP", p.id)));
  const published = await publishSubmission(campaign.campaignId, { ...opts, platformIds: platforms.map((p) => p.id) });
  return { ...campaign, ...published, platforms: platforms.map((platform, i) => ({ platform, rep: reps[i] })) };
}

/** Publishes an existing closed campaign's approved demands to the given platforms (and its union). */
export async function publishSubmission(campaignId: string, opts: { platformIds: string[]; union?: boolean; publishedOn?: Date; responseDays?: number }) {
  const c = await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, include: { union: true } });
  const platforms = await db.platform.findMany({ where: { id: { in: opts.platformIds } }, orderBy: { slug: "asc" } });
  const demands = await db.demand.findMany({ where: { campaignId, status: "APPROVED" }, orderBy: { number: "asc" } });
  const publishedOn = opts.publishedOn ?? chinaToday();
  const responseDays = opts.responseDays ?? 30;
  const respondBy = addDays(publishedOn, responseDays);
  const named = (x: Named) => ({ slug: x.slug, nameZh: x.nameZh, nameEn: x.nameEn });
  const submission = await db.submission.create({
    data: { campaignId, unionId: c.unionId, responseDays, firstPublishedOn: publishedOn, respondBy, currentVersion: 1 },
    select: { id: true },
  });
  const doc = minimalDocument({
    submissionId: submission.id,
    publishedOn,
    respondBy,
    campaign: c,
    scope: { platforms: c.scopePlatformSlugs, sectors: c.scopeSectors, cities: c.scopeCities },
    union: named(c.union),
    platforms: platforms.map(named),
    targetsUnion: opts.union ?? true,
    demands,
  });
  const document = canonicalJson(doc);
  await db.submissionVersion.create({ data: { submissionId: submission.id, version: 1, publishedOn, document, digest: digestOf(document) } });
  await db.submissionItem.createMany({
    data: demands.map((d, i) => ({ submissionId: submission.id, demandId: d.id, rank: i + 1, title: d.title, category: d.category, version: 1 })),
  });
  const items = await db.submissionItem.findMany({ where: { submissionId: submission.id }, orderBy: { rank: "asc" }, select: { id: true, rank: true, title: true } });
  const platformParties = [];
  for (const p of platforms) {
    platformParties.push(await db.submissionParty.create({ data: { submissionId: submission.id, kind: "PLATFORM", platformId: p.id }, select: { id: true, platformId: true } }));
  }
  const unionParty = (opts.union ?? true) ? await db.submissionParty.create({ data: { submissionId: submission.id, kind: "UNION", unionId: c.unionId }, select: { id: true } }) : null;
  return { submissionId: submission.id, respondBy, items, platformParties, unionParty };
}

/** An answer written directly, for dates a representative could not enter (a due date already past). */
export async function makeAnswer(o: {
  itemId: string;
  partyId: string;
  status?: "ACCEPTED" | "PARTLY_ACCEPTED" | "NEGOTIATING" | "REJECTED";
  text?: string;
  dueOn?: Date | null;
  answeredOn?: Date;
  current?: boolean;
}) {
  const status = o.status ?? "ACCEPTED";
  return db.answer.create({
    data: {
      itemId: o.itemId,
      partyId: o.partyId,
      status,
      text: o.text ?? "We will do this.",
      dueOn: o.dueOn === undefined ? (status === "ACCEPTED" || status === "PARTLY_ACCEPTED" ? addDays(chinaToday(), -1) : null) : o.dueOn,
      answeredOn: o.answeredOn ?? addDays(chinaToday(), -10),
      current: o.current ?? true,
    },
    select: { id: true },
  });
}
